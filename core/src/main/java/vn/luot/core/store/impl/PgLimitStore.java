package vn.luot.core.store.impl;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import vn.luot.core.store.LimitStore;

/** {@link LimitStore} on PostgreSQL: a guarded upsert, so concurrent requests on several nodes never exceed a limit. */
public final class PgLimitStore implements LimitStore {
    private final Pool pool;

    public PgLimitStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Boolean> take(LocalDate day, String subject, int limit) {
        return pool.preparedQuery("INSERT INTO daily_limits (day, subject, used) VALUES ($1, $2, 1) "
                        + "ON CONFLICT (day, subject) DO UPDATE SET used = daily_limits.used + 1 "
                        + "WHERE daily_limits.used < $3 RETURNING used")
                .execute(Tuple.of(day, subject, limit))
                .map(rows -> rows.rowCount() == 1)
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Void> giveBack(LocalDate day, String subject) {
        return pool.preparedQuery("UPDATE daily_limits SET used = used - 1 WHERE day = $1 AND subject = $2 AND used > 0")
                .execute(Tuple.of(day, subject)).<Void>mapEmpty().recover(StoreFailures::translate);
    }

    @Override
    public Future<Boolean> firstUse(LocalDate day, String keyHash) {
        return pool.preparedQuery("INSERT INTO daily_limit_keys (day, key_hash) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(day, keyHash)).map(rows -> rows.rowCount() == 1).recover(StoreFailures::translate);
    }

    @Override
    public Future<Void> forgetKey(LocalDate day, String keyHash) {
        return pool.preparedQuery("DELETE FROM daily_limit_keys WHERE day = $1 AND key_hash = $2")
                .execute(Tuple.of(day, keyHash)).<Void>mapEmpty().recover(StoreFailures::translate);
    }

    @Override
    public Future<Integer> forgetBefore(LocalDate day) {
        return pool.preparedQuery("DELETE FROM daily_limit_keys WHERE day < $1").execute(Tuple.of(day))
                .compose(keys -> pool.preparedQuery("DELETE FROM daily_limits WHERE day < $1").execute(Tuple.of(day)))
                .map(RowSet::rowCount).recover(StoreFailures::translate);
    }
}
