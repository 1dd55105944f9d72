package vn.luot.core.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import vn.luot.core.booking.BookingService;
import vn.luot.core.booking.DailyLimits;
import vn.luot.core.domain.booking.DailyLimit;
import vn.luot.core.domain.booking.PhoneNumber;
import vn.luot.core.store.BookingStore;
import vn.luot.core.booking.RemoteTickets;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.limit.RateRule;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.booking.Booking;
import vn.luot.core.domain.booking.BookingCode;
import vn.luot.core.domain.booking.BookingRequest;
import vn.luot.core.domain.booking.PhoneDigits;
import vn.luot.core.domain.booking.Slot;
import vn.luot.core.domain.booking.SlotCalendar;
import vn.luot.core.domain.ticket.ServiceDay;
import vn.luot.core.json.JsonViews;
import vn.luot.core.limits.RateLimiter;
import vn.luot.core.json.StaffViews;
import vn.luot.core.store.OutboxStore;

/**
 * Booking routes. Making a booking and the slots are public (the phone page uses them); so are finding,
 * moving and cancelling one's own booking, with its code and phone number in the body (never in the
 * URL). Finding by code or phone alone, checking in and cancelling by code are for staff, because a
 * booking carries a citizen's name and phone number.
 */
public final class BookingHandler {
    private final BookingService bookings;
    private final StaffViews views;
    private final JsonViews ticketViews;
    private final ZoneId zone;

    /** Days of slots given when the client names no end day: a week. */
    private static final int DEFAULT_DAYS_SHOWN = 7;
    private static final int FAILED_SHOWN = 200;
    private final Clock clock;

    private final RemoteTickets remote;

    private final LuotConfig config;

    private final OutboxStore outbox;
    private final DailyLimits limits;
    /** Requests a minute per client address on the public booking routes, counted on every node alike. */
    private static final String REQUESTS_PER_MINUTE = "booking-requests";
    private final RateLimiter rates;
    private final RateRule perMinute;
    private final vn.luot.core.booking.UsualWaitReader usualWaits;

    public BookingHandler(BookingService bookings, RemoteTickets remote, OutboxStore outbox, DailyLimits limits,
                          RateLimiter rates, StaffViews views, JsonViews ticketViews, LuotConfig config, Clock clock,
                          vn.luot.core.booking.UsualWaitReader usualWaits) {
        this.usualWaits = usualWaits;
        this.outbox = outbox;
        this.limits = limits;
        this.rates = rates;
        this.perMinute = RateRule.perMinute(config.booking().requestsPerMinute());
        this.config = config;
        ZoneId zone = config.catalogue().timeZone();
        this.remote = remote;
        this.clock = clock;
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
        String key = Idempotency.key(ctx);
        Future<BookingStore.Outcome> booked = StaffAuth.actor(ctx) != null ? bookings.book(request, key)
                : limits.within(DailyLimit.Kind.BOOKING, phoneKey(request.phone()), ClientAddress.of(ctx), key,
                        () -> bookings.book(request, key), BookingStore.Outcome::replayed);
        booked
                .onSuccess(outcome -> {
                    ctx.response().putHeader("Location", "/api/v1/bookings/" + outcome.booking().code());
                    if (outcome.replayed()) {
                        ctx.response().putHeader("Idempotent-Replayed", "true");
                    }
                    Replies.json(ctx, 201, views.booking(outcome.booking()));
                })
                .onFailure(e -> failWithNearestFree(ctx, e, request.siteId(), request.serviceId(), request.slotStart()));
    }

    /**
     * {@code GET /api/v1/booking-info}: what the phone pages need to ask for a booking, from the
     * configuration: the services with what to bring, the sites with their services, the booking
     * window, and when the tracking page says the turn is near.
     */
    public void info(RoutingContext ctx) {
        LuotConfig.Booking b = config.booking();
        JsonArray services = new JsonArray();
        config.catalogue().services().forEach(s -> services.add(new JsonObject().put("id", s.id())
                .put("name", localized(s.name()))
                .put("whatToBring", b.whatToBring().containsKey(s.id()) ? localized(b.whatToBring().get(s.id())) : null)));
        JsonArray sites = new JsonArray();
        config.catalogue().sites().forEach(s -> sites.add(new JsonObject().put("id", s.id()).put("name", localized(s.name()))
                .put("services", new JsonArray(s.serviceIds()))));
        Replies.ok(ctx, new JsonObject()
                .put("today", ServiceDay.of(clock.instant(), zone).toString())
                .put("openDaysAhead", b.slots().openDaysAhead())
                .put("slotMinutes", b.slots().slotLength().toMinutes())
                .put("phoneCheckInMinutesBefore", b.phoneCheckIn().toMinutes())
                .put("turnNearAhead", b.turnNearAhead())
                .put("services", services)
                .put("sites", sites));
    }

    private static JsonObject localized(LocalizedText text) {
        return new JsonObject().put("vi", text.vi()).put("en", text.en());
    }

    /** {@code GET /api/v1/slots?siteId&serviceId&from&to}: the slots that can be booked, with their free places. */
    public void slots(RoutingContext ctx) {
        String siteId = requiredQuery(ctx, "siteId");
        String serviceId = requiredQuery(ctx, "serviceId");
        LocalDate today = ServiceDay.of(clock.instant(), zone);
        LocalDate from = day(ctx, "from", today);
        LocalDate to = day(ctx, "to", from.plusDays(DEFAULT_DAYS_SHOWN - 1));
        if (to.isBefore(from) || from.plusDays(SlotCalendar.MAX_DAYS_PER_REQUEST).isBefore(to.plusDays(1))) {
            throw new QueueException(Problem.INVALID_FIELD, "to", FieldRule.SLOT_RANGE);
        }
        bookings.slots(siteId, serviceId, from, to).onSuccess(slots -> {
            JsonArray items = new JsonArray();
            slots.forEach(s -> items.add(slot(s.slot()).put("places", s.slot().places()).put("free", s.free())));
            Replies.ok(ctx, new JsonObject().put("siteId", siteId).put("serviceId", serviceId)
                    .put("from", from.toString()).put("to", to.toString()).put("slots", items));
        }).onFailure(ctx::fail);
    }

    /**
     * {@code GET /api/v1/usual-waits?serviceId&siteId}: the site step's usual wait per hour of the day, from
     * past tickets (hours and durations only, nothing personal); {@code usualWaitMinutes} is null for an
     * hour with too few tickets to say.
     */
    public void usualWaits(RoutingContext ctx) {
        String siteId = requiredQuery(ctx, "siteId");
        String serviceId = requiredQuery(ctx, "serviceId");
        usualWaits.byHour(siteId, serviceId).onSuccess(hours -> {
            JsonArray items = new JsonArray();
            hours.forEach(h -> items.add(new JsonObject().put("hour", h.hour())
                    .put("usualWaitMinutes", h.usualWaitMinutes()).put("tickets", h.tickets())));
            Replies.ok(ctx, new JsonObject().put("siteId", siteId).put("serviceId", serviceId)
                    .put("days", usualWaits.rule().days()).put("minimumTickets", usualWaits.rule().minimumTickets())
                    .put("hours", items));
        }).onFailure(ctx::fail);
    }

    /** {@code POST /api/v1/bookings/find} with {code, phone} in the body: the citizen's own booking. */
    public void findOwn(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx);
        bookings.own(body.requiredText("code"), body.requiredText("phone"))
                .onSuccess(b -> Replies.ok(ctx, views.booking(b)))
                .onFailure(ctx::fail);
    }

    /** {@code POST /api/v1/bookings/move} with {code, phone, slotStart}: to another slot of the same service. */
    public void moveOwn(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx);
        Instant newStart = slot(body.requiredText("slotStart"));
        bookings.own(body.requiredText("code"), body.requiredText("phone"))
                .compose(found -> bookings.move(found.code(), body.requiredText("phone"), newStart)
                        .recover(e -> nearestFree(e, found.siteId(), found.serviceId(), newStart)))
                .onSuccess(b -> Replies.ok(ctx, views.booking(b)))
                .onFailure(e -> fail(ctx, e));
    }

    /** {@code POST /api/v1/bookings/cancel} with {code, phone}. */
    public void cancelOwn(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx);
        bookings.cancelOwn(body.requiredText("code"), body.requiredText("phone"))
                .onSuccess(b -> Replies.ok(ctx, views.booking(b)))
                .onFailure(ctx::fail);
    }

    /** A full slot fails with the nearest free slots, so that the citizen can pick one at once. */
    private void failWithNearestFree(RoutingContext ctx, Throwable e, String siteId, String serviceId, Instant wanted) {
        nearestFree(e, siteId, serviceId, wanted).onFailure(f -> fail(ctx, f));
    }

    private Future<Booking> nearestFree(Throwable e, String siteId, String serviceId, Instant wanted) {
        if (!(e instanceof QueueException q) || q.problem() != Problem.SLOT_FULL) {
            return Future.failedFuture(e);
        }
        return bookings.nearestFree(siteId, serviceId, wanted)
                .compose(nearest -> Future.failedFuture(new SlotFull(q, nearest)));
    }

    /**
     * The first handler of the public booking routes: a client address over its rate gets 429 with
     * Retry-After, and nothing happens. Staff logged in (checked by the route's staff handler) are not limited.
     */
    public void limitRate(RoutingContext ctx) {
        if (StaffAuth.actor(ctx) != null) {
            ctx.next();
            return;
        }
        rates.take(REQUESTS_PER_MINUTE, ClientAddress.of(ctx), perMinute).onSuccess(verdict -> {
            if (verdict.allowed()) {
                ctx.next();
                return;
            }
            ctx.response().putHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
            Failures.respond(ctx, Problem.RATE_LIMITED, verdict.retryAfterSeconds());
        }).onFailure(ctx::fail);
    }

    /** The phone as counted: its normal form when it is a mobile number (else as typed; the request then fails). */
    private static String phoneKey(String written) {
        return PhoneNumber.parse(written).map(PhoneNumber::national).orElse(written);
    }

    private void fail(RoutingContext ctx, Throwable e) {
        if (e instanceof DailyLimits.Reached reached) {
            ctx.response().putHeader("Retry-After", Long.toString(reached.retryAfterSeconds()));
            Failures.respond(ctx, reached.refusal().problem(), reached.refusal().arguments());
            return;
        }
        if (e instanceof SlotFull full) {
            JsonArray nearest = new JsonArray();
            full.nearest().forEach(s -> nearest.add(slot(s)));
            Failures.respond(ctx, Problem.SLOT_FULL, new JsonObject().put("nearestFreeSlots", nearest),
                    full.refusal().arguments());
        } else {
            ctx.fail(e);
        }
    }

    /** A full slot's refusal and the free slots nearest to it. */
    private static final class SlotFull extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient QueueException refusal;
        private final transient List<Slot> nearest;

        SlotFull(QueueException refusal, List<Slot> nearest) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
            this.nearest = List.copyOf(nearest);
        }

        QueueException refusal() {
            return refusal;
        }

        List<Slot> nearest() {
            return nearest;
        }
    }

    private JsonObject slot(Slot s) {
        return new JsonObject().put("start", ticketViews.time(s.start())).put("end", ticketViews.time(s.end()));
    }

    private static String requiredQuery(RoutingContext ctx, String name) {
        String value = ctx.queryParams().get(name);
        if (value == null || value.isBlank()) {
            throw new QueueException(Problem.INVALID_FIELD, name, FieldRule.REQUIRED);
        }
        return value.strip();
    }

    private static LocalDate day(RoutingContext ctx, String name, LocalDate fallback) {
        String value = ctx.queryParams().get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new QueueException(Problem.INVALID_FIELD, name, FieldRule.DATE);
        }
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

    /**
     * {@code POST /api/v1/kiosk/{siteId}/check-in} with {code} or {phone} (and the kiosk's printerId):
     * the kiosk's "Tôi đã đặt lịch". The answer names no citizen: the kiosk stands in the hall.
     */
    public void checkInAtKiosk(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx);
        String code = body.optionalText("code");
        String typed = code != null ? code : body.optionalText("phone");
        if (typed == null) {
            throw new QueueException(Problem.INVALID_FIELD, "code", FieldRule.ONE_OF_CODE_OR_PHONE);
        }
        bookings.checkInAtKiosk(ctx.pathParam("siteId"), typed, body.optionalText("printerId"))
                .onSuccess(checkIn -> publicCheckIn(ctx, checkIn))
                .onFailure(ctx::fail);
    }

    /** {@code POST /api/v1/bookings/check-in} with {code, phone}: check-in from the phone page. */
    public void checkInOwn(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx);
        bookings.checkInOwn(body.requiredText("code"), body.requiredText("phone"))
                .onSuccess(checkIn -> publicCheckIn(ctx, checkIn))
                .onFailure(ctx::fail);
    }

    private void publicCheckIn(RoutingContext ctx, BookingService.CheckIn checkIn) {
        if (checkIn.replayed()) {
            ctx.response().putHeader("Idempotent-Replayed", "true");
        }
        Booking b = checkIn.booking();
        Replies.json(ctx, 201, new JsonObject()
                .put("booking", new JsonObject().put("code", b.code()).put("siteId", b.siteId())
                        .put("serviceId", b.serviceId()).put("slotStart", ticketViews.time(b.slotStart()))
                        .put("status", b.status().wireName()))
                .put("ticket", ticketViews.ticket(checkIn.ticket().ticket(), checkIn.ticket().standing())));
    }

    /**
     * {@code POST /api/v1/remote-tickets} with {siteId, serviceId, phone, travelMinutes}: today's number
     * taken from a distance, with when to be in the hall and when to set off.
     */
    public void takeRemote(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx);
        Integer travel = body.optionalInteger("travelMinutes");
        String phone = body.requiredText("phone");
        String siteId = body.requiredText("siteId");
        String serviceId = body.requiredText("serviceId");
        String key = Idempotency.key(ctx);
        limits.within(DailyLimit.Kind.REMOTE_TICKET, phoneKey(phone), ClientAddress.of(ctx), key,
                        () -> remote.take(siteId, serviceId, phone, travel == null ? 0 : travel, key),
                        taken -> taken.ticket().replayed())
                .onSuccess(taken -> {
                    if (taken.ticket().replayed()) {
                        ctx.response().putHeader("Idempotent-Replayed", "true");
                    }
                    ctx.response().putHeader("Location", "/api/v1/tickets/" + taken.ticket().ticket().id());
                    Replies.json(ctx, 201, ticketViews.ticket(taken.ticket().ticket(), taken.ticket().standing())
                            .put("arriveBy", ticketViews.time(taken.advice().arriveBy()))
                            .put("leaveBy", ticketViews.time(taken.advice().leaveBy())));
                })
                .onFailure(e -> fail(ctx, e));
    }

    /** {@code GET /api/v1/notifications/failed}: messages to citizens given up after every retry, for managers. */
    public void failedNotifications(RoutingContext ctx) {
        outbox.failed(FAILED_SHOWN).onSuccess(failed -> {
            JsonArray items = new JsonArray();
            failed.forEach(f -> items.add(new JsonObject().put("id", f.id().toString()).put("kind", f.kind())
                    .put("phone", f.maskedPhone()).put("attempts", f.attempts()).put("lastError", f.lastError())
                    .put("createdAt", ticketViews.time(f.createdAt()))));
            Replies.ok(ctx, new JsonObject().put("failed", items));
        }).onFailure(ctx::fail);
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
