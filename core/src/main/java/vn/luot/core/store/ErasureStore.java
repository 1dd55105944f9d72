package vn.luot.core.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.time.LocalDate;
import vn.luot.core.store.impl.PgErasureStore;

/**
 * Erases citizens' personal data once it is no longer needed: the names, phone numbers and notes of
 * bookings, the phone numbers of tickets and of messages, and the daily limit counts, of days before a
 * given day. Safe to run on several nodes at once (it only ever blanks what is still there, under an
 * advisory lock), and again after a failure.
 */
public interface ErasureStore {

    static ErasureStore create(Pool pool) {
        return new PgErasureStore(pool);
    }

    /** What one run erased. */
    record Erased(int bookings, int tickets, int messages) {
    }

    Future<Erased> eraseBefore(LocalDate day, Instant now);
}
