package vn.luot.core.store.impl;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import vn.luot.core.domain.limit.RateRule;
import vn.luot.core.store.RateLimitStore;

/**
 * {@link RateLimitStore} on PostgreSQL (table {@code rate_limits}, migration V14): {@link RateRule#take} as
 * one upsert, so concurrent requests on several nodes never take more than the bucket holds. Every
 * expression of the {@code SET} list reads the row as it was before the update.
 */
public final class PgRateLimitStore implements RateLimitStore {
    /** {@link RateRule}'s start: max(fullAt, now), but no later than an empty bucket's. */
    private static final String START = "LEAST(GREATEST(r.full_at, $3::bigint), $3::bigint + $6::bigint)";
    private static final String TAKE = "INSERT INTO rate_limits AS r (scope, subject, full_at, allowed) "
            + "VALUES ($1, $2, $3::bigint + $4::bigint, true) "
            + "ON CONFLICT (scope, subject) DO UPDATE SET "
            + "allowed = " + START + " - $3::bigint <= $5::bigint, "
            + "full_at = CASE WHEN " + START + " - $3::bigint <= $5::bigint THEN " + START + " + $4::bigint "
            + "ELSE " + START + " END "
            + "RETURNING allowed, full_at";
    private static final String GIVE_BACK = "UPDATE rate_limits SET full_at = GREATEST(full_at - $3::bigint, $4::bigint) "
            + "WHERE scope = $1 AND subject = $2";

    private final Pool pool;

    public PgRateLimitStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<RateRule.Decision> take(String scope, String subject, RateRule rule, long now) {
        return pool.preparedQuery(TAKE)
                .execute(Tuple.of(scope, subject, now, rule.intervalMicros(), rule.toleranceMicros(), rule.emptyMicros()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new RateRule.Decision(row.getBoolean("allowed"), row.getLong("full_at"));
                })
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Void> giveBack(String scope, String subject, RateRule rule, long now) {
        return pool.preparedQuery(GIVE_BACK).execute(Tuple.of(scope, subject, rule.intervalMicros(), now))
                .<Void>mapEmpty().recover(StoreFailures::translate);
    }

    @Override
    public Future<Integer> forgetFull(long now) {
        return pool.preparedQuery("DELETE FROM rate_limits WHERE full_at <= $1").execute(Tuple.of(now))
                .map(RowSet::rowCount).recover(StoreFailures::translate);
    }
}
