package vn.luot.core.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.luot.core.balancing.BalancingService;
import vn.luot.core.balancing.Suggestions;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.ticket.ServiceDay;
import vn.luot.core.json.JsonViews;
import vn.luot.core.store.Command;

/**
 * The managers' routes for balancing the sites (issue 10): notices, moving tickets, a counter's services
 * and the audit log. The router lets only managers and admins in (an operator gets 403).
 */
public final class ManagerHandler {
    private final BalancingService balancing;
    private final Suggestions suggestions;
    private final JsonViews views;
    private final java.time.ZoneId zone;
    private final java.time.Clock clock;

    public ManagerHandler(BalancingService balancing, Suggestions suggestions, JsonViews views, java.time.ZoneId zone,
                          java.time.Clock clock) {
        this.balancing = balancing;
        this.suggestions = suggestions;
        this.views = views;
        this.zone = zone;
        this.clock = clock;
    }

    /** {@code POST /api/v1/notices}: {@code {text: {vi, en}, siteIds, endsAt}}. */
    public void postNotice(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx);
        RequestBody text = body.object("text");
        Instant endsAt = time(body.optionalText("endsAt"), "endsAt");
        balancing.postNotice(StaffAuth.actor(ctx), command(ctx, "notices", body), text.optionalText("vi"),
                        text.optionalText("en"), body.has("siteIds") ? body.requiredTextList("siteIds") : null, endsAt)
                .onSuccess(done -> Replies.json(ctx, done.replayed() ? 200 : 201, new JsonObject()
                        .put("id", done.value().id().toString())
                        .put("text", new JsonObject().put("vi", done.value().text().vi())
                                .put("en", done.value().text().en()))
                        .put("siteIds", new JsonArray(done.value().siteIds()))
                        .put("createdAt", views.time(done.value().createdAt()))
                        .put("endsAt", views.time(done.value().endsAt()))
                        .put("createdBy", done.value().createdBy())))
                .onFailure(ctx::fail);
    }

    /** {@code GET /api/v1/audit?date=2026-11-27} (today by default). */
    public void audit(RoutingContext ctx) {
        String date = ctx.queryParams().get("date");
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? ServiceDay.of(clock.instant(), zone) : LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw new QueueException(Problem.INVALID_FIELD, "date", FieldRule.DATE);
        }
        balancing.audit(day).onSuccess(entries -> {
            JsonArray items = new JsonArray();
            entries.forEach(e -> items.add(new JsonObject().put("id", e.id()).put("at", views.time(e.at()))
                    .put("actor", e.actor()).put("action", e.action()).put("target", e.target())
                    .put("before", e.before()).put("after", e.after())));
            Replies.ok(ctx, new JsonObject().put("date", day.toString()).put("entries", items));
        }).onFailure(ctx::fail);
    }

    /** {@code POST /api/v1/sites/{siteId}/move-tickets}: {@code {serviceId, count, toSiteId}} or {@code {ticketIds, toSiteId}}. */
    public void moveTickets(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx);
        String siteId = ctx.pathParam("siteId");
        List<UUID> ids = null;
        if (body.has("ticketIds")) {
            ids = new ArrayList<>();
            for (String id : body.requiredTextList("ticketIds")) {
                try {
                    ids.add(UUID.fromString(id));
                } catch (IllegalArgumentException e) {
                    throw new QueueException(Problem.INVALID_FIELD, "ticketIds", FieldRule.TICKET_ID);
                }
            }
        }
        var request = new BalancingService.MoveRequest(body.optionalText("toSiteId"), ids,
                body.optionalText("serviceId"), body.optionalInteger("count"));
        balancing.moveTickets(siteId, StaffAuth.actor(ctx), command(ctx, "site:" + siteId + ":move-tickets", body),
                        request)
                .onSuccess(outcome -> Replies.ok(ctx, outcome.answer()))
                .onFailure(ctx::fail);
    }

    /** {@code PUT /api/v1/counters/{counterId}/services}: {@code {services: [...]}}, from the next call. */
    public void counterServices(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx);
        int id = counterId(ctx);
        String scope = "counter:" + id + ":services";
        balancing.changeServices(id, StaffAuth.actor(ctx), new Command(Idempotency.key(ctx), scope,
                        scope + " " + body.canonical()), body.requiredTextList("services"))
                .onSuccess(outcome -> Replies.ok(ctx, outcome.answer()))
                .onFailure(ctx::fail);
    }

    /** {@code GET /api/v1/sites/{siteId}/waiting-today}: the waiting line over the day, for the console's chart. */
    public void waitingToday(RoutingContext ctx) {
        String siteId = ctx.pathParam("siteId");
        balancing.waitingToday(siteId).onSuccess(points -> {
            JsonArray items = new JsonArray();
            points.forEach(p -> items.add(new JsonObject().put("at", views.time(p.at())).put("waiting", p.waiting())));
            Replies.ok(ctx, new JsonObject().put("siteId", siteId).put("points", items));
        }).onFailure(ctx::fail);
    }

    /** {@code GET /api/v1/suggestions}: what to do now, most minutes saved first. */
    public void suggestions(RoutingContext ctx) {
        suggestions.now().onSuccess(list -> {
            JsonArray items = new JsonArray();
            list.forEach(s -> items.add(suggestions.json(s)));
            Replies.ok(ctx, new JsonObject().put("at", views.time(clock.instant())).put("suggestions", items));
        }).onFailure(ctx::fail);
    }

    /** {@code POST /api/v1/suggestions/{suggestionId}/accept}: applies it in one step. */
    public void acceptSuggestion(RoutingContext ctx) {
        suggestions.accept(ctx.pathParam("suggestionId"), StaffAuth.actor(ctx), Idempotency.key(ctx))
                .onSuccess(answer -> Replies.ok(ctx, answer))
                .onFailure(ctx::fail);
    }

    private static Command command(RoutingContext ctx, String scope, RequestBody body) {
        return new Command(Idempotency.key(ctx), scope, scope + " " + body.canonical());
    }

    private static Instant time(String text, String field) {
        if (text == null) {
            throw new QueueException(Problem.INVALID_FIELD, field, FieldRule.DATE_TIME);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new QueueException(Problem.INVALID_FIELD, field, FieldRule.DATE_TIME);
        }
    }

    private static int counterId(RoutingContext ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("counterId"));
        } catch (NumberFormatException e) {
            throw new QueueException(Problem.COUNTER_NOT_FOUND, ctx.pathParam("counterId"));
        }
    }
}
