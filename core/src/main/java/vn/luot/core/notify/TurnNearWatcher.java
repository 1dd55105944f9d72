package vn.luot.core.notify;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.ZoneId;
import vn.luot.core.booking.BookingJobs;
import vn.luot.core.domain.notify.BookingNotices;
import vn.luot.core.domain.ticket.ServiceDay;
import vn.luot.core.queue.QueueService;
import vn.luot.core.store.OutboxStore;

/**
 * Finds the waiting remote and booked tickets with a phone number whose turn is near (this many or
 * fewer ahead, as the live board says) and adds their turn-near message to the outbox, once per ticket:
 * the message's id follows from the ticket's, so two nodes finding it at once add it once.
 */
public final class TurnNearWatcher implements BookingJobs.TurnNearWatch {
    private final OutboxStore outbox;
    private final QueueService queue;
    private final BookingNotices notices;
    private final int nearAhead;
    private final ZoneId zone;
    private final Clock clock;

    public TurnNearWatcher(OutboxStore outbox, QueueService queue, BookingNotices notices, int nearAhead, ZoneId zone,
                           Clock clock) {
        this.outbox = outbox;
        this.queue = queue;
        this.notices = notices;
        this.nearAhead = nearAhead;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public Future<Integer> check() {
        return outbox.ticketsToWatch(ServiceDay.of(clock.instant(), zone)).compose(ids -> {
            Future<Integer> added = Future.succeededFuture(0);
            for (OutboxStore.Watched watched : ids) {
                added = added.compose(count -> checkOne(watched).map(one -> count + (one ? 1 : 0)));
            }
            return added;
        });
    }

    private Future<Boolean> checkOne(OutboxStore.Watched watched) {
        return queue.ticket(watched.ticketId()).compose(view -> {
            Integer ahead = view.standing().position();
            var ticket = view.ticket();
            if (ahead == null || ahead > nearAhead) {
                return Future.succeededFuture(false);
            }
            return notices.turnNear(ticket.id(), ticket.number(), ticket.siteId(), watched.phone(), ahead, clock.instant())
                    .map(notice -> outbox.addOnce(notice, clock.instant()))
                    .orElse(Future.succeededFuture(false));
        });
    }
}
