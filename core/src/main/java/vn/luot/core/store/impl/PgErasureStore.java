package vn.luot.core.store.impl;

import static vn.luot.core.store.impl.Rows.time;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import vn.luot.core.store.ErasureStore;

/** {@link ErasureStore} on PostgreSQL: one transaction, under an advisory lock so that one node does the work. */
public final class PgErasureStore implements ErasureStore {
    /** "Erase" as a number: the advisory lock of the erasure job. */
    private static final long LOCK_KEY = 0x4572617365L;
    private static final String BOOKINGS = "UPDATE bookings SET citizen_name = '', phone = '', procedure_note = NULL, "
            + "personal_data_erased_at = $2 WHERE slot_day < $1 AND personal_data_erased_at IS NULL";
    private static final String TICKETS = "UPDATE tickets SET phone = NULL WHERE service_day < $1 AND phone IS NOT NULL";
    /** Messages still to be delivered keep their phone until they are sent or given up. */
    private static final String MESSAGES = "UPDATE notification_outbox SET phone = NULL, fields = '{}'::jsonb "
            + "WHERE created_at < $1 AND phone IS NOT NULL AND status <> 'pending'";
    private final Pool pool;

    public PgErasureStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Erased> eraseBefore(LocalDate day, Instant now) {
        return pool.withTransaction(conn -> conn.query("SELECT pg_try_advisory_xact_lock(" + LOCK_KEY + ")").execute()
                        .compose(locked -> locked.iterator().next().getBoolean(0) ? erase(conn, day, now)
                                // Another node is erasing right now.
                                : Future.succeededFuture(new Erased(0, 0, 0))))
                .recover(StoreFailures::translate);
    }

    private static Future<Erased> erase(SqlConnection conn, LocalDate day, Instant now) {
        int[] counts = new int[3];
        return conn.preparedQuery(BOOKINGS).execute(Tuple.of(day, time(now)))
                .compose(bookings -> {
                    counts[0] = bookings.rowCount();
                    return conn.preparedQuery(TICKETS).execute(Tuple.of(day));
                })
                .compose(tickets -> {
                    counts[1] = tickets.rowCount();
                    return conn.preparedQuery(MESSAGES).execute(Tuple.of(time(day.atStartOfDay(ZoneOffset.UTC).toInstant())));
                })
                .compose(messages -> {
                    counts[2] = messages.rowCount();
                    return conn.preparedQuery("DELETE FROM daily_limits WHERE day < $1").execute(Tuple.of(day));
                })
                .compose(limits -> conn.preparedQuery("DELETE FROM daily_limit_keys WHERE day < $1").execute(Tuple.of(day)))
                .map(keys -> new Erased(counts[0], counts[1], counts[2]));
    }
}
