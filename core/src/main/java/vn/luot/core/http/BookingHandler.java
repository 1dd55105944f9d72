package vn.luot.core.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import vn.luot.core.booking.BookingService;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.booking.BookingCode;
import vn.luot.core.domain.booking.BookingRequest;
import vn.luot.core.domain.booking.PhoneDigits;
import vn.luot.core.json.JsonViews;
import vn.luot.core.json.StaffViews;

/**
 * Booking routes. Making a booking is public (the phone page will use it); finding, checking in and
 * cancelling are for staff, because a booking carries a citizen's name and phone number.
 */
public final class BookingHandler {
    private final BookingService bookings;
    private final StaffViews views;
    private final JsonViews ticketViews;
    private final ZoneId zone;

    public BookingHandler(BookingService bookings, StaffViews views, JsonViews ticketViews, ZoneId zone) {
        this.bookings = bookings;
        this.views = views;
        this.ticketViews = ticketViews;
        this.zone = zone;
    }

    /** {@code POST /api/v1/bookings}. */
    public void book(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx);
        BookingRequest request = new BookingRequest(body.requiredText("siteId"), body.requiredText("serviceId"),
                slot(body.requiredText("slotStart")), body.requiredText("name"), body.requiredText("phone"),
                body.optionalText("procedure"));
        bookings.book(request, Idempotency.key(ctx))
                .onSuccess(outcome -> {
                    ctx.response().putHeader("Location", "/api/v1/bookings/" + outcome.booking().code());
                    if (outcome.replayed()) {
                        ctx.response().putHeader("Idempotent-Replayed", "true");
                    }
                    Replies.json(ctx, 201, views.booking(outcome.booking()));
                })
                .onFailure(ctx::fail);
    }

    /** {@code GET /api/v1/bookings/{code}}. */
    public void get(RoutingContext ctx) {
        bookings.byCode(ctx.pathParam("code"))
                .onSuccess(b -> Replies.ok(ctx, views.booking(b)))
                .onFailure(ctx::fail);
    }

    /** {@code GET /api/v1/bookings?code=K7M2QX} or {@code ?phone=0912345678}: for the desk. */
    public void search(RoutingContext ctx) {
        String code = ctx.queryParams().get("code");
        String phone = ctx.queryParams().get("phone");
        if (code != null && !code.isBlank()) {
            String parsed = BookingCode.parse(code)
                    .orElseThrow(() -> new QueueException(Problem.INVALID_FIELD, "code", FieldRule.BOOKING_CODE));
            bookings.byCode(parsed)
                    .map(b -> new JsonArray().add(views.booking(b)))
                    .recover(e -> e instanceof QueueException q && q.problem() == Problem.BOOKING_NOT_FOUND
                            ? Future.succeededFuture(new JsonArray()) : Future.failedFuture(e))
                    .onSuccess(items -> Replies.ok(ctx, list(items)))
                    .onFailure(ctx::fail);
            return;
        }
        if (phone == null || phone.isBlank()) {
            throw new QueueException(Problem.INVALID_FIELD, "code", FieldRule.ONE_OF_CODE_OR_PHONE);
        }
        String digits = PhoneDigits.of(phone)
                .orElseThrow(() -> new QueueException(Problem.INVALID_FIELD, "phone", FieldRule.PHONE));
        bookings.byPhone(digits).onSuccess(found -> {
            JsonArray items = new JsonArray();
            found.forEach(b -> items.add(views.booking(b)));
            Replies.ok(ctx, list(items));
        }).onFailure(ctx::fail);
    }

    /** {@code POST /api/v1/bookings/{code}/check-in}: issues the booking's ticket, once. */
    public void checkIn(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx);
        bookings.checkIn(ctx.pathParam("code"), body.optionalText("printerId"))
                .onSuccess(checkIn -> {
                    if (checkIn.replayed()) {
                        ctx.response().putHeader("Idempotent-Replayed", "true");
                    }
                    Replies.json(ctx, 201, new JsonObject()
                            .put("booking", views.booking(checkIn.booking()))
                            .put("ticket", ticketViews.issuedTicket(checkIn.ticket().ticket(), checkIn.ticket().standing())));
                })
                .onFailure(ctx::fail);
    }

    /** {@code POST /api/v1/bookings/{code}/cancel}. */
    public void cancel(RoutingContext ctx) {
        bookings.cancel(ctx.pathParam("code"))
                .onSuccess(b -> Replies.ok(ctx, views.booking(b)))
                .onFailure(ctx::fail);
    }

    /** An ISO date and time; without an offset it is the centre's local time. */
    private Instant slot(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new QueueException(Problem.INVALID_FIELD, "slotStart", FieldRule.DATE_TIME);
            }
        }
    }

    private static JsonObject list(JsonArray items) {
        return new JsonObject().put("bookings", items);
    }
}
