package vn.luot.core.store.impl;

import static vn.luot.core.store.impl.Rows.time;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.luot.core.domain.printing.PrinterState;
import vn.luot.core.store.PrintStore;

/** {@link PrintStore} on PostgreSQL. */
public final class PgPrintStore implements PrintStore {
    private static final String PRINTER_COLUMNS = "p.id, p.state, p.state_since, p.last_seen_at, "
            + "p.session_id IS NOT NULL AS connected, p.token_issued_at, "
            + "(SELECT count(*) FROM print_jobs j WHERE j.printer_id = p.id AND j.finished_at IS NULL) AS pending, "
            + "(SELECT min(created_at) FROM print_jobs j WHERE j.printer_id = p.id AND j.finished_at IS NULL) AS oldest";

    private final Pool pool;

    public PgPrintStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Void> seedPrinters(Collection<String> printerIds) {
        if (printerIds.isEmpty()) {
            return Future.succeededFuture();
        }
        return pool.preparedQuery("INSERT INTO printers (id) VALUES ($1) ON CONFLICT (id) DO NOTHING")
                .executeBatch(printerIds.stream().map(Tuple::of).toList())
                .<Void>mapEmpty()
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Boolean> replaceToken(String printerId, String tokenHash, String idempotencyKey, Instant now) {
        return pool.preparedQuery("UPDATE printers SET token_hash = $2, token_issued_at = $3, token_key = $4 "
                        + "WHERE id = $1 AND ($4::text IS NULL OR token_key IS DISTINCT FROM $4)")
                .execute(Tuple.of(printerId, tokenHash, time(now), idempotencyKey))
                .map(updated -> updated.rowCount() == 1)
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Optional<String>> tokenHash(String printerId) {
        return pool.preparedQuery("SELECT token_hash FROM printers WHERE id = $1")
                .execute(Tuple.of(printerId))
                .map(rows -> rows.rowCount() == 0 ? Optional.<String>empty()
                        : Optional.ofNullable(rows.iterator().next().getString(0)))
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Void> attach(String printerId, UUID sessionId, Instant now) {
        return pool.preparedQuery("UPDATE printers SET session_id = $2, last_seen_at = $3 WHERE id = $1")
                .execute(Tuple.of(printerId, sessionId, time(now)))
                .<Void>mapEmpty()
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Void> detach(String printerId, UUID sessionId) {
        return pool.preparedQuery("UPDATE printers SET session_id = NULL WHERE id = $1 AND session_id = $2")
                .execute(Tuple.of(printerId, sessionId))
                .<Void>mapEmpty()
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Boolean> stillAttached(String printerId, UUID sessionId) {
        return pool.preparedQuery("SELECT session_id = $2 FROM printers WHERE id = $1")
                .execute(Tuple.of(printerId, sessionId))
                .map(rows -> rows.rowCount() == 1 && Boolean.TRUE.equals(rows.iterator().next().getBoolean(0)))
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Void> seen(String printerId, PrinterState state, Instant now) {
        String sql = state == null
                ? "UPDATE printers SET last_seen_at = $2 WHERE id = $1"
                : "UPDATE printers SET last_seen_at = $2, state = $3, "
                + "state_since = CASE WHEN state = $3 AND state_since IS NOT NULL THEN state_since ELSE $2 END "
                + "WHERE id = $1";
        Tuple params = state == null ? Tuple.of(printerId, time(now)) : Tuple.of(printerId, time(now), state.wireName());
        return pool.preparedQuery(sql).execute(params).<Void>mapEmpty().recover(StoreFailures::translate);
    }

    @Override
    public Future<List<PendingJob>> unfinishedJobs(String printerId, Set<UUID> alreadySent, int limit) {
        return pool.preparedQuery("SELECT id, payload::text AS payload, created_at FROM print_jobs "
                        + "WHERE printer_id = $1 AND finished_at IS NULL AND NOT (id = ANY($2)) "
                        + "ORDER BY seq LIMIT $3")
                .execute(Tuple.of(printerId, alreadySent.toArray(new UUID[0]), limit))
                .map(rows -> {
                    List<PendingJob> jobs = new ArrayList<>();
                    for (Row row : rows) {
                        jobs.add(new PendingJob(row.getUUID("id"), row.getString("payload"),
                                row.getOffsetDateTime("created_at").toInstant()));
                    }
                    return jobs;
                })
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Integer> expireBefore(String printerId, Instant startOfDay, Instant now) {
        return pool.preparedQuery("UPDATE print_jobs SET finished_at = $3, outcome = 'failed', failure = 'expired' "
                        + "WHERE printer_id = $1 AND finished_at IS NULL AND created_at < $2")
                .execute(Tuple.of(printerId, time(startOfDay), time(now)))
                .map(updated -> updated.rowCount())
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Void> markSent(Collection<UUID> jobIds, Instant now) {
        if (jobIds.isEmpty()) {
            return Future.succeededFuture();
        }
        return pool.preparedQuery("UPDATE print_jobs SET sent_count = sent_count + 1, last_sent_at = $2 "
                        + "WHERE id = ANY($1)")
                .execute(Tuple.of(jobIds.toArray(new UUID[0]), time(now)))
                .<Void>mapEmpty()
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Void> received(String printerId, UUID jobId, Instant now) {
        return pool.preparedQuery("UPDATE print_jobs SET received_at = $3 "
                        + "WHERE id = $2 AND printer_id = $1 AND received_at IS NULL")
                .execute(Tuple.of(printerId, jobId, time(now)))
                .<Void>mapEmpty()
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Void> finished(String printerId, UUID jobId, boolean printed, String failure, Instant now) {
        return pool.preparedQuery("UPDATE print_jobs SET finished_at = $3, outcome = $4, failure = $5, "
                        + "received_at = coalesce(received_at, $3) "
                        + "WHERE id = $2 AND printer_id = $1 AND finished_at IS NULL")
                .execute(Tuple.wrap(Arrays.asList(printerId, jobId, time(now), printed ? "printed" : "failed",
                        printed ? null : failure)))
                .<Void>mapEmpty()
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<List<PrinterRecord>> printers() {
        return pool.query("SELECT " + PRINTER_COLUMNS + " FROM printers p ORDER BY p.id").execute()
                .map(rows -> {
                    List<PrinterRecord> printers = new ArrayList<>();
                    rows.forEach(row -> printers.add(printer(row)));
                    return printers;
                })
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Optional<PrinterRecord>> printer(String printerId) {
        return pool.preparedQuery("SELECT " + PRINTER_COLUMNS + " FROM printers p WHERE p.id = $1")
                .execute(Tuple.of(printerId))
                .map(rows -> rows.rowCount() == 0 ? Optional.<PrinterRecord>empty()
                        : Optional.of(printer(rows.iterator().next())))
                .recover(StoreFailures::translate);
    }

    private static PrinterRecord printer(Row row) {
        return new PrinterRecord(row.getString("id"),
                PrinterState.fromWire(row.getString("state")).orElse(PrinterState.OFFLINE),
                instant(row.getOffsetDateTime("state_since")), instant(row.getOffsetDateTime("last_seen_at")),
                row.getBoolean("connected"), row.getLong("pending").intValue(),
                instant(row.getOffsetDateTime("oldest")), instant(row.getOffsetDateTime("token_issued_at")));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
