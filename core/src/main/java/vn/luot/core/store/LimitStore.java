package vn.luot.core.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.LocalDate;
import vn.luot.core.store.impl.PgLimitStore;

/** Daily counts under hashed subjects (see {@link vn.luot.core.domain.booking.DailyLimit}), shared by all nodes. */
public interface LimitStore {

    static LimitStore create(Pool pool) {
        return new PgLimitStore(pool);
    }

    /** Counts one more for the subject on the day, unless it has reached {@code limit}; then false, nothing counted. */
    Future<Boolean> take(LocalDate day, String subject, int limit);

    /** Gives one back (the request it was taken for did not go through, or was a replay). */
    Future<Void> giveBack(LocalDate day, String subject);

    /** Records that a request with this (hashed) idempotency key was counted on the day; false if it was already. */
    Future<Boolean> firstUse(LocalDate day, String keyHash);

    /** Forgets a key whose request did not go through, so that its retry is counted like a new request. */
    Future<Void> forgetKey(LocalDate day, String keyHash);

    /** Forgets the counts of days before {@code day}. */
    Future<Integer> forgetBefore(LocalDate day);
}
