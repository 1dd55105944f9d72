package vn.luot.core.printing;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's printer connections, and how they learn of new jobs.
 *
 * <p>A job may be created on any node, while its printer's bridge is connected to one node only. The
 * database announces each new job when its ticket commits ({@code NOTIFY luot_print_jobs}, from a
 * trigger on {@code print_jobs}); every node listens, and the node holding that printer's socket sends
 * the job at once. Nothing depends on the announcement arriving: each connection also looks for unsent
 * jobs every few seconds, and a bridge that (re)connects is sent every job not yet printed.
 */
public final class PrinterHub extends VerticleBase {
    static final String CHANNEL = "luot_print_jobs";
    /** How often each connection checks for jobs it was not told about and sends a heartbeat. */
    static final long TICK_MS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(PrinterHub.class);

    private final String databaseUrl;
    private final Map<String, PrinterSession> sessions = new ConcurrentHashMap<>();
    private PgSubscriber subscriber;

    public PrinterHub(String databaseUrl) {
        this.databaseUrl = databaseUrl;
    }

    @Override
    public Future<?> start() {
        subscriber = PgSubscriber.subscriber(vertx, PgConnectOptions.fromUri(databaseUrl))
                .reconnectPolicy(attempts -> 1_000L);
        subscriber.channel(CHANNEL).handler(this::jobsWaiting);
        vertx.setPeriodic(TICK_MS, id -> sessions.values().forEach(PrinterSession::tick));
        // Without the announcements, jobs still go out on each connection's next tick.
        return subscriber.connect().recover(e -> {
            LOG.warn("Cannot listen for new print jobs yet ({}); printers poll every {} ms meanwhile",
                    e.getMessage(), TICK_MS);
            return Future.succeededFuture();
        });
    }

    @Override
    public Future<?> stop() {
        sessions.values().forEach(PrinterSession::close);
        return subscriber == null ? Future.succeededFuture() : subscriber.close();
    }

    /** A bridge connected; an older connection of the same printer on this node is closed. */
    void register(PrinterSession session) {
        PrinterSession older = sessions.put(session.printerId(), session);
        if (older != null && older != session) {
            older.replaced();
        }
    }

    void unregister(PrinterSession session) {
        sessions.remove(session.printerId(), session);
    }

    private void jobsWaiting(String printerId) {
        PrinterSession session = sessions.get(printerId);
        if (session != null) {
            session.deliverSoon();
        }
    }
}
