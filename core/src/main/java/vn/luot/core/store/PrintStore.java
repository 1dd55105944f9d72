package vn.luot.core.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.luot.core.domain.printing.PrinterState;
import vn.luot.core.store.impl.PgPrintStore;

/**
 * Printers and their print jobs. Jobs are created with their tickets ({@link QueueStore#issue}); this
 * store follows them to the printer: sent, received (on the bridge's disk), printed or failed.
 */
public interface PrintStore {

    static PrintStore create(Pool pool) {
        return new PgPrintStore(pool);
    }

    /** A job to send to a bridge. */
    record PendingJob(UUID id, String payload, Instant createdAt) {
    }

    /**
     * A printer as the store knows it.
     *
     * @param connected   a bridge connection holds the printer now
     * @param pendingJobs jobs not yet reported printed or failed
     */
    record PrinterRecord(String id, PrinterState reportedState, Instant stateSince, Instant lastSeenAt,
                         boolean connected, int pendingJobs, Instant oldestPendingSince, Instant tokenIssuedAt) {
    }

    /** Adds the configured printers the database does not know yet. */
    Future<Void> seedPrinters(Collection<String> printerIds);

    /**
     * Stores the hash of a new device token, replacing the old one.
     *
     * @return false when a token was already issued under this idempotency key (nothing changed)
     */
    Future<Boolean> replaceToken(String printerId, String tokenHash, String idempotencyKey, Instant now);

    Future<Optional<String>> tokenHash(String printerId);

    /** Records that this connection serves the printer now (a newer connection replaces an older one). */
    Future<Void> attach(String printerId, UUID sessionId, Instant now);

    /** Clears the connection, unless a newer one has replaced it already. */
    Future<Void> detach(String printerId, UUID sessionId);

    /** @return false when another connection has replaced this one */
    Future<Boolean> stillAttached(String printerId, UUID sessionId);

    /** The bridge spoke: it is alive; with a state, that is the printer's state now. */
    Future<Void> seen(String printerId, PrinterState state, Instant now);

    /** The oldest jobs of the printer not yet printed or failed, leaving out those already sent. */
    Future<List<PendingJob>> unfinishedJobs(String printerId, Set<UUID> alreadySent, int limit);

    /** Fails the printer's unfinished jobs created before the given instant (an earlier service day). */
    Future<Integer> expireBefore(String printerId, Instant startOfDay, Instant now);

    Future<Void> markSent(Collection<UUID> jobIds, Instant now);

    /** The bridge has the job on its disk. */
    Future<Void> received(String printerId, UUID jobId, Instant now);

    /** The bridge printed the job, or gave up on it; the first report counts, later ones change nothing. */
    Future<Void> finished(String printerId, UUID jobId, boolean printed, String failure, Instant now);

    Future<List<PrinterRecord>> printers();

    Future<Optional<PrinterRecord>> printer(String printerId);
}
