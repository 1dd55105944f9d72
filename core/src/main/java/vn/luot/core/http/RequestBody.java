package vn.luot.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;

/**
 * A request's JSON body, read field by field. Each accessor names the field it rejects, so a bad
 * request gets a 400 that says exactly what to fix. An empty body reads as an empty object.
 */
public final class RequestBody {
    private static final int SHORT_TEXT = 500;
    private final JsonObject json;

    private RequestBody(JsonObject json) {
        this.json = json;
    }

    public static RequestBody of(RoutingContext ctx) {
        Buffer raw = ctx.body() == null ? null : ctx.body().buffer();
        if (raw == null || raw.length() == 0) {
            return new RequestBody(new JsonObject());
        }
        Object parsed;
        try {
            parsed = Json.decodeValue(raw);
        } catch (DecodeException e) {
            throw new QueueException(Problem.MALFORMED_JSON, shortReason(e));
        }
        if (!(parsed instanceof JsonObject object)) {
            throw new QueueException(Problem.MALFORMED_JSON, "expected a JSON object { ... }");
        }
        return new RequestBody(object);
    }

    /**
     * The body in one form whatever the order of its keys (sorted at every level), so that a retry
     * that sends the same fields in another order is the same request.
     */
    public String canonical() {
        return sorted(json).toString();
    }

    private static Object sorted(Object value) {
        if (value instanceof JsonObject object) {
            java.util.TreeMap<String, Object> keys = new java.util.TreeMap<>();
            object.forEach(entry -> keys.put(entry.getKey(), sorted(entry.getValue())));
            return new JsonObject(new java.util.LinkedHashMap<>(keys));
        }
        if (value instanceof JsonArray array) {
            JsonArray copy = new JsonArray();
            array.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return value;
    }

    public String requiredText(String field) {
        String value = optionalText(field);
        if (value == null || value.isBlank()) {
            throw new QueueException(Problem.INVALID_FIELD, field, FieldRule.REQUIRED);
        }
        return value;
    }

    public String optionalText(String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.length() > SHORT_TEXT) {
            throw new QueueException(Problem.INVALID_FIELD, field,
                    value instanceof String ? FieldRule.SHORT_TEXT : FieldRule.TEXT);
        }
        return text.isBlank() ? null : text.trim();
    }

    public boolean requiredBoolean(String field) {
        Object value = json.getValue(field);
        if (!(value instanceof Boolean flag)) {
            throw new QueueException(Problem.INVALID_FIELD, field, FieldRule.TRUE_OR_FALSE);
        }
        return flag;
    }

    public Integer optionalInteger(String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() != ((Number) value).intValue()) {
            throw new QueueException(Problem.INVALID_FIELD, field, FieldRule.WHOLE_NUMBER);
        }
        return ((Number) value).intValue();
    }

    public List<String> requiredTextList(String field) {
        Object value = json.getValue(field);
        if (value == null) {
            throw new QueueException(Problem.INVALID_FIELD, field, FieldRule.REQUIRED);
        }
        if (!(value instanceof JsonArray array)) {
            throw new QueueException(Problem.INVALID_FIELD, field, FieldRule.LIST_OF_TEXT);
        }
        List<String> items = new ArrayList<>();
        for (Object item : array) {
            if (!(item instanceof String text) || text.isBlank() || text.length() > SHORT_TEXT) {
                throw new QueueException(Problem.INVALID_FIELD, field, FieldRule.LIST_OF_TEXT);
            }
            items.add(text.trim());
        }
        return items;
    }

    public UUID optionalTicketId(String field) {
        String value = optionalText(field);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new QueueException(Problem.INVALID_FIELD, field, FieldRule.TICKET_ID);
        }
    }

    /** A nested object, such as a notice's {@code text: {vi, en}} (issue 10); an empty one when absent. */
    public RequestBody object(String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return new RequestBody(new JsonObject());
        }
        if (!(value instanceof JsonObject object)) {
            throw new QueueException(Problem.INVALID_FIELD, field, FieldRule.TEXT);
        }
        return new RequestBody(object);
    }

    /** Whether the client sent the field at all (issue 10: one of two ways of asking). */
    public boolean has(String field) {
        return json.getValue(field) != null;
    }

    private static String shortReason(DecodeException e) {
        Throwable cause = e.getCause();
        String reason = cause instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        if (reason == null) {
            return "";
        }
        int newline = reason.indexOf('\n');
        reason = newline > 0 ? reason.substring(0, newline) : reason;
        return reason.length() > 160 ? reason.substring(0, 160) + "…" : reason;
    }
}
