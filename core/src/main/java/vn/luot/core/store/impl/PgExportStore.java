package vn.luot.core.store.impl;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import vn.luot.core.store.ExportStore;

/** {@link ExportStore} on PostgreSQL: a row per export, its file in numbered {@code bytea} parts. */
public final class PgExportStore implements ExportStore {
    private static final String COLUMNS =
            "id, kind, format, file_name, state, rows_total, rows_written, file_bytes, touched_at";
    private final Pool jobs;
    private final Pool files;

    public PgExportStore(Pool jobs, Pool files) {
        this.jobs = jobs;
        this.files = files;
    }

    /**
     * Inserts first: without a key, or with a new one, that is the whole of it. When the key is taken (a
     * retry, on this node or another), the earlier export is the answer, or the key was reused for another request.
     */
    @Override
    public Future<Created> create(NewExport export) {
        return jobs.preparedQuery("INSERT INTO report_exports (id, kind, format, file_name, state, touched_at, "
                        + "expires_at, idempotency_key, request_hash) VALUES ($1, $2, $3, $4, 'running', $5, $6, $7, $8) "
                        + "ON CONFLICT (idempotency_key) DO NOTHING RETURNING " + COLUMNS)
                .execute(Tuple.of(export.id(), export.kind(), export.format(), export.fileName(), Rows.time(export.now()),
                        Rows.time(export.expiresAt()), export.idempotencyKey(), export.requestHash()))
                .compose(rows -> rows.rowCount() == 1
                        ? Future.succeededFuture(new Created(job(rows.iterator().next(), export.now()), true))
                        : EarlierRequests.find(jobs, "report_exports", COLUMNS, export.idempotencyKey(),
                                export.requestHash(), row -> new Created(job(row, export.now()), false))
                        .map(Optional::orElseThrow))
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Optional<ExportJob>> find(UUID id, Instant now) {
        return jobs.preparedQuery("SELECT " + COLUMNS + " FROM report_exports WHERE id = $1 AND expires_at > $2")
                .execute(Tuple.of(id, Rows.time(now)))
                .map(rows -> rows.rowCount() == 0 ? Optional.<ExportJob>empty()
                        : Optional.of(job(rows.iterator().next(), now)))
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Void> progress(UUID id, long rowsWritten, long rowsTotal, Instant now) {
        return jobs.preparedQuery("UPDATE report_exports SET rows_written = $2, rows_total = $3, touched_at = $4 "
                        + "WHERE id = $1 AND state = 'running'")
                .execute(Tuple.of(id, rowsWritten, rowsTotal, Rows.time(now)))
                .<Void>mapEmpty().recover(StoreFailures::translate);
    }

    @Override
    public Future<Void> addPart(UUID id, int part, Buffer bytes) {
        return files.preparedQuery("INSERT INTO report_export_parts (export_id, part, bytes) VALUES ($1, $2, $3)")
                .execute(Tuple.of(id, part, bytes))
                .<Void>mapEmpty().recover(StoreFailures::translate);
    }

    @Override
    public Future<Void> finish(UUID id, long rows, long fileBytes, Instant now) {
        return jobs.preparedQuery("UPDATE report_exports SET state = 'done', file_bytes = $2, rows_written = $3, "
                        + "rows_total = $3, touched_at = $4 WHERE id = $1 AND state = 'running'")
                .execute(Tuple.of(id, fileBytes, rows, Rows.time(now)))
                .<Void>mapEmpty().recover(StoreFailures::translate);
    }

    @Override
    public Future<Void> fail(UUID id) {
        return jobs.preparedQuery("UPDATE report_exports SET state = 'failed' WHERE id = $1 AND state = 'running'")
                .execute(Tuple.of(id))
                .compose(failed -> files.preparedQuery("DELETE FROM report_export_parts WHERE export_id = $1")
                        .execute(Tuple.of(id)))
                .<Void>mapEmpty().recover(StoreFailures::translate);
    }

    @Override
    public Future<Optional<Buffer>> part(UUID id, int part) {
        return files.preparedQuery("SELECT bytes FROM report_export_parts WHERE export_id = $1 AND part = $2")
                .execute(Tuple.of(id, part))
                .map(rows -> rows.rowCount() == 0 ? Optional.<Buffer>empty()
                        : Optional.of(rows.iterator().next().getBuffer(0)))
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Integer> forgetExpired(Instant now) {
        return jobs.preparedQuery("DELETE FROM report_exports WHERE expires_at <= $1").execute(Tuple.of(Rows.time(now)))
                .map(RowSet::rowCount).recover(StoreFailures::translate);
    }

    private static ExportJob job(Row row, Instant now) {
        State state = State.valueOf(row.getString("state").toUpperCase(Locale.ROOT));
        Instant touched = row.getOffsetDateTime("touched_at").toInstant();
        if (state == State.RUNNING && touched.plus(ABANDONED_AFTER).isBefore(now)) {
            state = State.FAILED;
        }
        Long fileBytes = row.getLong("file_bytes");
        return new ExportJob(row.getUUID("id"), row.getString("kind"), row.getString("format"),
                row.getString("file_name"), state, row.getLong("rows_total"), row.getLong("rows_written"),
                fileBytes == null ? 0 : fileBytes);
    }
}
