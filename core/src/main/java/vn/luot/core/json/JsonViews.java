package vn.luot.core.json;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.luot.core.auth.HolderSecrets;
import vn.luot.core.domain.board.CounterSeat;
import vn.luot.core.domain.board.QueueStats;
import vn.luot.core.domain.board.RecentCall;
import vn.luot.core.domain.board.Standing;
import vn.luot.core.domain.counter.Counter;
import vn.luot.core.domain.counter.DeskActions;
import vn.luot.core.domain.ticket.Ticket;

/**
 * How tickets, counters and lines look on the wire, in the API and on the WebSockets alike. Times are
 * ISO-8601 with the centre's own offset ({@code 2026-11-27T08:05:00+07:00}).
 */
public final class JsonViews {
    private final ZoneId zone;
    private final String publicUrl;
    private final HolderSecrets holderSecrets;

    public JsonViews(ZoneId zone, String publicUrl, HolderSecrets holderSecrets) {
        this.zone = zone;
        this.publicUrl = publicUrl;
        this.holderSecrets = holderSecrets;
    }

    public String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    /** The page a citizen's phone opens from the QR code on the ticket, with the holder secret. */
    public String trackingUrl(Ticket ticket) {
        return vn.luot.core.domain.ticket.TrackingLink.of(publicUrl, ticket.id(), holderSecrets.of(ticket.id()));
    }

    /**
     * A ticket as anyone may see it: the hall stream, the counters, the phone. It never carries the desk's
     * note (it may name the citizen), nor phones or booking names; {@link StaffViews} adds those for staff.
     */
    public JsonObject ticket(Ticket t) {
        return new JsonObject()
                .put("id", t.id().toString())
                .put("number", t.number())
                .put("siteId", t.siteId())
                .put("serviceId", t.serviceId())
                .put("priority", t.priorityGroup())
                .put("channel", t.channel() == null ? null : t.channel().wireName())
                .put("status", t.status().wireName())
                .put("counterId", t.counterId())
                .put("assignedCounterId", t.assignedCounterId())
                .put("issuedAt", time(t.issuedAt()))
                .put("queuedSince", time(t.queuedSince()))
                .put("calledAt", time(t.calledAt()))
                .put("servingAt", time(t.servingAt()))
                .put("finishedAt", time(t.finishedAt()))
                .put("callCount", t.callCount())
                .put("slotStart", time(t.slotStart()))
                .put("version", t.version());
    }

    /** A ticket as the API returns it to anyone: with where it stands. */
    public JsonObject ticket(Ticket t, Standing standing) {
        return ticket(t)
                .put("position", standing.position())
                .put("estimatedWaitMinutes", standing.estimatedWaitMinutes())
                .put("notBeforeClosing", standing.notBeforeClosing());
    }

    /**
     * A ticket as its holder receives it when it is taken (the 201 answer, a check-in at the desk): with
     * the holder secret and the tracking link that carries it. Never in a public view or stream.
     */
    public JsonObject issuedTicket(Ticket t, Standing standing) {
        return ticket(t, standing)
                .put("note", t.note())
                .put("holderSecret", holderSecrets.of(t.id()))
                .put("trackingUrl", trackingUrl(t));
    }

    public JsonObject counter(Counter c, Ticket current) {
        JsonObject json = new JsonObject()
                .put("id", c.id())
                .put("siteId", c.siteId())
                .put("state", c.state().wireName())
                .put("services", new JsonArray(c.services()))
                .put("openedBy", c.openedBy())
                .put("currentTicketId", c.currentTicketId() == null ? null : c.currentTicketId().toString())
                .put("current", current == null ? null : currentTicket(current))
                .put("version", c.version());
        // What the rules allow now (domain/counter/Desk, tried by DeskActions); unknown when the view
        // has the counter without its ticket (then the site stream's view says it).
        if (current != null || !c.hasCurrentTicket()) {
            JsonArray allowed = new JsonArray();
            DeskActions.allowed(c, current).forEach(a -> allowed.add(a.wireName()));
            json.put("allowedActions", allowed);
        }
        return json;
    }

    /** The counter actions mode by mode ({@code GET /api/v1/counter-actions}), from the domain's rules. */
    public JsonObject counterActions() {
        JsonObject modes = new JsonObject();
        DeskActions.table().forEach((mode, row) -> {
            JsonArray allowed = new JsonArray();
            JsonObject leadsTo = new JsonObject();
            row.allowed().forEach(a -> allowed.add(a.wireName()));
            row.leadsTo().forEach((a, m) -> leadsTo.put(a.wireName(), m.wireName()));
            modes.put(mode.wireName(), new JsonObject().put("allowed", allowed).put("leadsTo", leadsTo));
        });
        return new JsonObject().put("modes", modes);
    }

    public JsonObject seat(CounterSeat seat) {
        return counter(seat.counter(), seat.current());
    }

    public JsonObject queue(QueueStats q) {
        return new JsonObject()
                .put("serviceId", q.serviceId())
                .put("waiting", q.waiting())
                .put("oldestQueuedSince", time(q.oldestQueuedSince()))
                .put("estimatedWaitMinutes", q.estimatedWaitMinutes())
                .put("notBeforeClosing", q.notBeforeClosing())
                .put("countersOpen", q.countersOpen());
    }

    /** A line as of a moment, with how long its oldest ticket has waited so far, in whole minutes. */
    public JsonObject queue(QueueStats q, Instant now) {
        Integer oldestWait = q.oldestQueuedSince() == null ? null
                : (int) Math.max(0, java.time.Duration.between(q.oldestQueuedSince(), now).toMinutes());
        return queue(q).put("oldestWaitMinutes", oldestWait);
    }

    public JsonObject recentCall(RecentCall call) {
        return new JsonObject()
                .put("ticketId", call.ticketId().toString())
                .put("number", call.number())
                .put("serviceId", call.serviceId())
                .put("counterId", call.counterId())
                .put("at", time(call.at()))
                .put("recall", call.recall());
    }

    private JsonObject currentTicket(Ticket t) {
        return new JsonObject()
                .put("ticketId", t.id().toString())
                .put("number", t.number())
                .put("serviceId", t.serviceId())
                .put("priority", t.priorityGroup())
                .put("status", t.status().wireName())
                .put("issuedAt", time(t.issuedAt()))
                .put("calledAt", time(t.calledAt()))
                .put("servingAt", time(t.servingAt()))
                .put("callCount", t.callCount());
    }
}
