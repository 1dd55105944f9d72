package vn.luot.core.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import vn.luot.core.store.impl.PgExportStore;

/**
 * The report exports and their files, shared by every node: a manager may start an export through one
 * node and follow and download it through another. The node that writes an export touches it as it goes;
 * one left untouched for {@link #ABANDONED_AFTER} lost its node and reads as failed.
 */
public interface ExportStore {
    /** A running export whose node has not touched it for this long is reported as failed. */
    Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    /**
     * @param jobs  the pool for the jobs' small rows (progress, state)
     * @param files the pool that carries the files' parts (the reports' own, away from issuing and calling)
     */
    static ExportStore create(Pool jobs, Pool files) {
        return new PgExportStore(jobs, files);
    }

    enum State { RUNNING, DONE, FAILED }

    /** An export as stored: what it is, how far it got, how large its file is once done. */
    record ExportJob(UUID id, String kind, String format, String fileName, State state, long rowsTotal,
                     long rowsWritten, long fileBytes) {
    }

    /**
     * What to record for a new export.
     *
     * @param idempotencyKey the client's key, or null when it sent none
     * @param requestHash    a hash of what was asked; a key reused with another request is refused
     */
    record NewExport(UUID id, String kind, String format, String fileName, String idempotencyKey,
                     String requestHash, Instant now, Instant expiresAt) {
    }

    /** The outcome of {@link #create}: the job, and whether it is new (false: a retry of an earlier start). */
    record Created(ExportJob job, boolean isNew) {
    }

    /**
     * Records a running export, or gives back the one started earlier with the same idempotency key (for the
     * same request; another request under that key fails with {@code idempotency_key_reused}).
     */
    Future<Created> create(NewExport export);

    /** The export, unless it is unknown or expired; a running one abandoned by its node reads as failed. */
    Future<Optional<ExportJob>> find(UUID id, Instant now);

    /** The rows written so far of those to write; also tells the others that the export's node is alive. */
    Future<Void> progress(UUID id, long rowsWritten, long rowsTotal, Instant now);

    /** Stores the file's part with this number (from 0, in order). */
    Future<Void> addPart(UUID id, int part, Buffer bytes);

    /** The file is complete, {@code fileBytes} long, with all {@code rows} written: the export is done. */
    Future<Void> finish(UUID id, long rows, long fileBytes, Instant now);

    /** The export failed; its parts are dropped. */
    Future<Void> fail(UUID id);

    /** The file's part with this number, or empty past the last. */
    Future<Optional<Buffer>> part(UUID id, int part);

    /** Forgets the exports (and their files) that expired before {@code now}. */
    Future<Integer> forgetExpired(Instant now);
}
