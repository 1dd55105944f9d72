package vn.luot.core.json;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import vn.luot.core.domain.booking.Booking;
import vn.luot.core.domain.counter.CounterDay;
import vn.luot.core.workstation.TicketDetails;

/**
 * How bookings, ticket details and a counter's day look on the wire. These views carry citizens' names
 * and phone numbers: only staff routes (and the citizen's own booking answer) use them.
 */
public final class StaffViews {
    private final JsonViews views;

    public StaffViews(JsonViews views) {
        this.views = views;
    }

    public JsonObject booking(Booking b) {
        return new JsonObject()
                .put("code", b.code())
                .put("siteId", b.siteId())
                .put("serviceId", b.serviceId())
                .put("slotStart", views.time(b.slotStart()))
                .put("name", b.citizenName())
                .put("phone", b.phone())
                .put("procedure", b.procedure())
                .put("status", b.status().wireName())
                .put("ticketId", b.ticketId() == null ? null : b.ticketId().toString())
                .put("createdAt", views.time(b.createdAt()))
                .put("checkedInAt", views.time(b.checkedInAt()));
    }

    /** The ticket as the public API shows it, plus what only staff see. */
    public JsonObject details(TicketDetails d) {
        var t = d.view().ticket();
        Integer servingCounter = t.status().atCounter() ? t.counterId() : null;
        JsonObject booking = d.booking() == null ? null : new JsonObject()
                .put("code", d.booking().code())
                .put("name", d.booking().citizenName())
                .put("procedure", d.booking().procedure())
                .put("slotStart", views.time(d.booking().slotStart()));
        return views.ticket(t, d.view().standing())
                .put("note", t.note())
                .put("servingCounterId", servingCounter)
                .put("countersOpen", d.view().standing().countersOpen())
                .put("booking", booking);
    }

    public JsonObject counterDay(int counterId, LocalDate day, CounterDay stats) {
        return new JsonObject()
                .put("counterId", counterId)
                .put("day", day.toString())
                .put("served", stats.served())
                .put("averageServiceSeconds", stats.averageServiceTime() == null ? null
                        : stats.averageServiceTime().toSeconds())
                .put("noShows", stats.noShows());
    }
}
