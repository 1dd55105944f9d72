package vn.luot.core.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.luot.core.domain.balancing.Notice;
import vn.luot.core.domain.board.QueueStats;
import vn.luot.core.domain.board.SiteBoard;
import vn.luot.core.domain.board.Standing;
import vn.luot.core.domain.event.QueueEvent;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.json.JsonViews;

/**
 * The messages of the live WebSockets.
 *
 * <ul>
 *   <li>{@code snapshot}: the whole hall at sequence {@code seq}; sent first, and again on request.</li>
 *   <li>an event ({@code ticket.called}, {@code counter.paused}, ...): sequence {@code seq} is exactly
 *       one higher than the one before; the lines whose figures it moved come with it under {@code queues}
 *       (only those: the client holds the others since its snapshot). See docs/live-events.md.</li>
 *   <li>{@code heartbeat}: every few seconds, with the latest {@code seq}, so a quiet client can tell a
 *       dead connection from a calm hall, and spot a missed event.</li>
 *   <li>{@code ticket}: on a ticket's own socket, where it stands now.</li>
 * </ul>
 */
final class LiveMessages {
    private final JsonViews views;

    LiveMessages(JsonViews views) {
        this.views = views;
    }

    /**
     * @param lines   the waiting lines as of {@code seq} (what the events up to it told)
     * @param notices the managers' notices shown at this site now (issue 10)
     */
    String snapshot(SiteBoard board, List<QueueStats> lines, long seq, Instant now, JsonArray notices) {
        JsonArray counters = new JsonArray();
        board.counters().forEach(seat -> counters.add(views.seat(seat)));
        JsonArray queues = new JsonArray();
        lines.forEach(q -> queues.add(views.queue(q, now)));
        JsonArray calls = new JsonArray();
        board.recentCalls().forEach(c -> calls.add(views.recentCall(c)));
        return new JsonObject()
                .put("type", "snapshot")
                .put("siteId", board.siteId())
                .put("seq", seq)
                .put("at", views.time(now))
                .put("counters", counters)
                .put("queues", queues)
                .put("recentCalls", calls)
                .put("notices", notices)
                .encode();
    }

    /** @param changedLines the lines whose figures moved since the message before ({@link SiteChannel#changedLines}) */
    String event(QueueEvent event, SiteBoard board, long seq, List<QueueStats> changedLines) {
        JsonObject message = new JsonObject()
                .put("type", event.type().wireName())
                .put("siteId", board.siteId())
                .put("seq", seq)
                .put("at", views.time(event.at()));
        if (event.ticket() != null) {
            message.put("ticket", views.ticket(event.ticket()));
        }
        if (event.counter() != null && event.counter().siteId().equals(board.siteId())) {
            board.counters().stream().filter(s -> s.counter().id() == event.counter().id()).findFirst()
                    .ifPresent(seat -> message.put("counter", views.seat(seat)));
        }
        if (event.previousSiteId() != null) {
            message.put("fromSiteId", event.previousSiteId());
        }
        // Any change can move any line's estimate (counters serve several services), but most changes move
        // one or two lines: only those go; the display holds the rest since its snapshot (issue 15).
        return message.put("queues", lines(changedLines)).encode();
    }

    JsonArray lines(List<QueueStats> lines) {
        JsonArray queues = new JsonArray();
        lines.forEach(q -> queues.add(views.queue(q)));
        return queues;
    }

    /** A manager's notice as displays show it (issue 10). */
    JsonObject notice(Notice notice) {
        return new JsonObject().put("id", notice.id().toString())
                .put("text", new JsonObject().put("vi", notice.text().vi()).put("en", notice.text().en()))
                .put("siteIds", new JsonArray(notice.siteIds()))
                .put("endsAt", views.time(notice.endsAt()));
    }

    String time(Instant instant) {
        return views.time(instant);
    }

    String heartbeat(String siteId, long seq, Instant now) {
        return new JsonObject().put("type", "heartbeat").put("siteId", siteId).put("seq", seq)
                .put("at", views.time(now)).encode();
    }

    String ticketHeartbeat(Instant now) {
        return new JsonObject().put("type", "heartbeat").put("at", views.time(now)).encode();
    }

    /** Deterministic for the same state, so the hub can tell whether a phone has news. */
    String standing(Ticket ticket, Standing standing) {
        return new JsonObject()
                .put("type", "ticket")
                .put("ticket", views.ticket(ticket))
                .put("position", standing.position())
                .put("estimatedWaitMinutes", standing.estimatedWaitMinutes())
                .put("countersOpen", standing.countersOpen())
                .put("notBeforeClosing", standing.notBeforeClosing())
                .encode();
    }
}
