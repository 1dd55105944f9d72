package vn.luot.core.store.impl;

import static vn.luot.core.store.impl.Rows.time;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.luot.core.domain.booking.PhoneNumber;
import vn.luot.core.domain.notify.Notice;
import vn.luot.core.domain.notify.NoticeKind;
import vn.luot.core.store.OutboxStore;

/** {@link OutboxStore} on PostgreSQL; {@link #add} is also used by the other stores inside their transactions. */
public final class PgOutboxStore implements OutboxStore {
    private static final String INSERT = "INSERT INTO notification_outbox (id, kind, phone, fields, booking_id, ticket_id, "
            + "due_at, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8) ON CONFLICT (id) DO NOTHING";
    private final Pool pool;

    public PgOutboxStore(Pool pool) {
        this.pool = pool;
    }

    /** Adds the messages in the caller's transaction (or on its own connection). */
    public static Future<Void> add(SqlClient client, List<Notice> notices, Instant now) {
        if (notices.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> rows = notices.stream().map(n -> row(n, now)).toList();
        return client.preparedQuery(INSERT).executeBatch(rows).mapEmpty();
    }

    /** Drops the reminders still waiting for a booking that was cancelled or moved, in the caller's transaction. */
    public static Future<Void> dropReminders(SqlClient client, UUID bookingId) {
        return client.preparedQuery("UPDATE notification_outbox SET status = 'dropped' WHERE booking_id = $1 "
                        + "AND kind = $2 AND status = 'pending'")
                .execute(Tuple.of(bookingId, NoticeKind.REMINDER.wireName())).mapEmpty();
    }

    private static Tuple row(Notice n, Instant now) {
        return Tuple.wrap(Arrays.asList(n.id(), n.kind().wireName(), n.phone(), new JsonObject(new HashMap<>(n.fields())),
                n.bookingId(), n.ticketId(), time(n.dueAt()), time(now)));
    }

    @Override
    public Future<Boolean> addOnce(Notice notice, Instant now) {
        return pool.preparedQuery(INSERT).execute(row(notice, now)).map(r -> r.rowCount() == 1)
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<List<Pending>> claimDue(Instant now, Duration lease, int limit) {
        return pool.preparedQuery("UPDATE notification_outbox o SET next_attempt_at = $2 "
                        + "FROM (SELECT id FROM notification_outbox WHERE status = 'pending' AND next_attempt_at <= $1 "
                        + "ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED) due WHERE o.id = due.id "
                        + "RETURNING o.id, o.kind, o.phone, o.fields, o.booking_id, o.ticket_id, o.due_at, o.attempts")
                .execute(Tuple.of(time(now), time(now.plus(lease)), limit))
                .map(rows -> {
                    List<Pending> claimed = new ArrayList<>();
                    for (Row r : rows) {
                        claimed.add(new Pending(notice(r), r.getInteger("attempts")));
                    }
                    return claimed;
                })
                .recover(StoreFailures::translate);
    }

    private static Notice notice(Row r) {
        Map<String, String> fields = new HashMap<>();
        JsonObject json = (JsonObject) r.getValue("fields");
        json.forEach(e -> fields.put(e.getKey(), String.valueOf(e.getValue())));
        return new Notice(r.getUUID("id"), NoticeKind.fromWire(r.getString("kind")).orElseThrow(),
                r.getString("phone") == null ? "" : r.getString("phone"), fields,
                r.getOffsetDateTime("due_at").toInstant(), r.getUUID("booking_id"), r.getUUID("ticket_id"));
    }

    @Override
    public Future<Void> markSent(UUID id, Instant at) {
        return pool.preparedQuery("UPDATE notification_outbox SET status = 'sent', sent_at = $2, attempts = attempts + 1, "
                        + "last_error = NULL WHERE id = $1")
                .execute(Tuple.of(id, time(at))).<Void>mapEmpty().recover(StoreFailures::translate);
    }

    @Override
    public Future<Void> markFailed(UUID id, int attempts, Instant retryAt, String error) {
        String sql = retryAt == null
                ? "UPDATE notification_outbox SET status = 'failed', attempts = $2, last_error = $3 WHERE id = $1"
                : "UPDATE notification_outbox SET attempts = $2, last_error = $3, next_attempt_at = $4 WHERE id = $1";
        Tuple params = retryAt == null ? Tuple.of(id, attempts, error) : Tuple.of(id, attempts, error, time(retryAt));
        return pool.preparedQuery(sql).execute(params).<Void>mapEmpty().recover(StoreFailures::translate);
    }

    @Override
    public Future<List<Watched>> ticketsToWatch(java.time.LocalDate serviceDay) {
        return pool.preparedQuery("SELECT t.id, t.phone FROM tickets t WHERE t.status = 'waiting' AND t.service_day = $1 "
                        + "AND t.channel IN ('remote', 'booking') AND t.phone IS NOT NULL AND NOT EXISTS ("
                        + "SELECT 1 FROM notification_outbox o WHERE o.ticket_id = t.id AND o.kind = $2) LIMIT 500")
                .execute(Tuple.of(serviceDay, NoticeKind.TURN_NEAR.wireName()))
                .map(rows -> {
                    List<Watched> watched = new ArrayList<>();
                    rows.forEach(r -> watched.add(new Watched(r.getUUID("id"), r.getString("phone"))));
                    return watched;
                })
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<List<Failed>> failed(int limit) {
        return pool.preparedQuery("SELECT id, kind, phone, attempts, last_error, created_at FROM notification_outbox "
                        + "WHERE status = 'failed' ORDER BY created_at DESC LIMIT $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<Failed> failed = new ArrayList<>();
                    for (Row r : rows) {
                        String phone = r.getString("phone");
                        String national = phone != null && phone.startsWith("84") ? "0" + phone.substring(2) : phone;
                        failed.add(new Failed(r.getUUID("id"), r.getString("kind"), PhoneNumber.mask(national),
                                r.getInteger("attempts"), r.getString("last_error"),
                                r.getOffsetDateTime("created_at").toInstant()));
                    }
                    return failed;
                })
                .recover(StoreFailures::translate);
    }
}
