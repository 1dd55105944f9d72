package vn.luot.core.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.time.LocalDate;
import vn.luot.core.store.impl.PgAfterHoursStore;

/**
 * Which sites' guidance desks a manager has allowed to give out numbers outside opening hours, day by
 * day (see {@link vn.luot.core.domain.ticket.IssuingHours}). A permission ends with its service day.
 */
public interface AfterHoursStore {

    static AfterHoursStore create(Pool pool) {
        return new PgAfterHoursStore(pool);
    }

    Future<Boolean> allowed(String siteId, LocalDate serviceDay);

    /** Allows (or withdraws) the permission for that day; doing it twice is harmless. */
    Future<Void> set(String siteId, LocalDate serviceDay, boolean allowed, String byUsername, Instant at);
}
