package vn.luot.core.queue;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.Actor;
import vn.luot.core.domain.counter.Counter;
import vn.luot.core.domain.counter.DeskChange;
import vn.luot.core.domain.counter.TransferTarget;
import vn.luot.core.domain.ticket.TicketRequest;
import vn.luot.core.events.EventPublisher;
import vn.luot.core.standings.Standings;
import vn.luot.core.metrics.QueueMetrics;
import vn.luot.core.auth.HolderSecrets;
import vn.luot.core.queue.impl.DefaultQueueService;
import vn.luot.core.store.Command;
import vn.luot.core.store.QueueStore;

/**
 * What citizens and staff can do with the queue. Each method checks the request against the catalogue,
 * lets the store apply the domain's rules in one transaction, then announces the committed change.
 * HTTP handlers call this and nothing below it.
 */
public interface QueueService {

    /** @param batcher gathers concurrent issue requests into one write each (group commit); deploy it before use */
    static QueueService create(QueueStore store, EventPublisher events, Standings standings, LuotConfig config,
                               QueueMetrics metrics, Clock clock, IssuingService issuing, HolderSecrets holderSecrets,
                               vn.luot.core.queue.impl.IssueBatcher batcher) {
        return new DefaultQueueService(store, events, standings, config, metrics, clock, issuing, holderSecrets,
                batcher);
    }

    /**
     * Issues a ticket (or, for a repeated idempotency key, returns the one issued the first time), within
     * the site's opening hours ({@link IssuingService#requireIssuing}).
     */
    default Future<TicketView> issue(TicketRequest request, String idempotencyKey) {
        return issue(request, idempotencyKey, null);
    }

    /** @param staff the member of staff issuing it at the guidance desk, or null for the public */
    Future<TicketView> issue(TicketRequest request, String idempotencyKey, Actor staff);

    Future<TicketView> ticket(UUID id);

    /** A citizen gives up their place. Cancelling twice is harmless. */
    Future<TicketView> cancel(UUID id);

    Future<List<Counter>> counters();

    Future<Counter> counter(int id);

    Future<DeskChange> open(int counterId, Actor actor, Command command, List<String> services);

    Future<DeskChange> pause(int counterId, Actor actor, Command command);

    Future<DeskChange> resume(int counterId, Actor actor, Command command);

    Future<DeskChange> close(int counterId, Actor actor, Command command);

    /** @return empty when nobody is waiting for this counter */
    Future<Optional<DeskChange>> callNext(int counterId, Actor actor, Command command);

    Future<DeskChange> call(int counterId, Actor actor, Command command, CallTarget target);

    Future<DeskChange> recall(int counterId, Actor actor, Command command, UUID expectedTicket);

    Future<DeskChange> startServing(int counterId, Actor actor, Command command, UUID expectedTicket);

    Future<DeskChange> complete(int counterId, Actor actor, Command command, UUID expectedTicket);

    Future<DeskChange> noShow(int counterId, Actor actor, Command command, UUID expectedTicket);

    Future<DeskChange> returnToQueue(int counterId, Actor actor, Command command, UUID expectedTicket);

    Future<DeskChange> transfer(int counterId, Actor actor, Command command, UUID expectedTicket,
                                TransferTarget target, String note);
}
