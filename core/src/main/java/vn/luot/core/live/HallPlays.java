package vn.luot.core.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.luot.core.domain.board.PlayRunner;

/**
 * Where one hall's long plays run on this node: on the forecast worker, with each result handed back to the
 * hub as a task of its own on the hub's thread, and then {@code arrived} (the hub tells the hall's
 * subscribers what the play moved).
 *
 * <p>Never from within {@link #run}: a worker can finish a short play before the hub has even registered
 * for its result, and a future that is already complete calls its handler at once, on the thread that
 * registers. The hub hands plays out in the middle of an event (between taking the event's sequence number
 * and sending it), so a result delivered there was numbered and sent first: displays saw 6 before 5.
 */
final class HallPlays implements PlayRunner {
    private static final Logger LOG = LoggerFactory.getLogger(HallPlays.class);

    /** Runs a play somewhere other than the hub's thread: the forecast worker in the server. */
    interface Worker {
        <T> Future<T> submit(Callable<T> play);
    }

    private final String siteId;
    private final Worker worker;
    private final Context hub;
    private final Runnable arrived;

    HallPlays(String siteId, Worker worker, Context hub, Runnable arrived) {
        this.siteId = siteId;
        this.worker = worker;
        this.hub = hub;
        this.arrived = arrived;
    }

    @Override
    public <T> void run(Supplier<T> play, Consumer<T> done, Consumer<Throwable> failed) {
        worker.submit(play::get).onComplete(result -> hub.runOnContext(v -> {
            if (result.succeeded()) {
                done.accept(result.result());
                arrived.run();
            } else {
                LOG.warn("A play of the hall {} failed; its estimates stay as they were", siteId, result.cause());
                failed.accept(result.cause());
            }
        }));
    }
}
