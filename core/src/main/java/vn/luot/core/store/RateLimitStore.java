package vn.luot.core.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import vn.luot.core.domain.limit.RateRule;
import vn.luot.core.store.impl.PgRateLimitStore;

/**
 * The state of the request rate limits, shared by every node of one database: for each scope and (hashed)
 * subject, the instant its bucket is full again ({@link RateRule}). Each operation is one statement, atomic
 * however many nodes take from the same bucket at once.
 */
public interface RateLimitStore {

    static RateLimitStore create(Pool pool) {
        return new PgRateLimitStore(pool);
    }

    /** Takes one token from the subject's bucket under {@code rule} at {@code now} (microseconds), if it has one. */
    Future<RateRule.Decision> take(String scope, String subject, RateRule rule, long now);

    /** Gives one token back to the subject's bucket (never beyond full). */
    Future<Void> giveBack(String scope, String subject, RateRule rule, long now);

    /** Forgets the buckets that are full again at {@code now} (the same as no bucket); how many. */
    Future<Integer> forgetFull(long now);
}
