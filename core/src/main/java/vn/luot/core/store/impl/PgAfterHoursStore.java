package vn.luot.core.store.impl;

import static vn.luot.core.store.impl.Rows.time;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import vn.luot.core.store.AfterHoursStore;

/** {@link AfterHoursStore} on PostgreSQL: one row per site and day while the permission stands. */
public final class PgAfterHoursStore implements AfterHoursStore {
    private final Pool pool;

    public PgAfterHoursStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Boolean> allowed(String siteId, LocalDate serviceDay) {
        return pool.preparedQuery("SELECT 1 FROM after_hours_issuing WHERE site_id = $1 AND service_day = $2")
                .execute(Tuple.of(siteId, serviceDay))
                .map(rows -> rows.size() > 0)
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Void> set(String siteId, LocalDate serviceDay, boolean allowed, String byUsername, Instant at) {
        String sql = allowed
                ? "INSERT INTO after_hours_issuing (site_id, service_day, allowed_by, allowed_at) VALUES ($1, $2, $3, $4)"
                + " ON CONFLICT (site_id, service_day) DO NOTHING"
                : "DELETE FROM after_hours_issuing WHERE site_id = $1 AND service_day = $2";
        Tuple args = allowed ? Tuple.of(siteId, serviceDay, byUsername, time(at)) : Tuple.of(siteId, serviceDay);
        return pool.preparedQuery(sql).execute(args).<Void>mapEmpty().recover(StoreFailures::translate);
    }
}
