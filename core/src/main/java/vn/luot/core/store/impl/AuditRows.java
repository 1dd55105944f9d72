package vn.luot.core.store.impl;

import static vn.luot.core.store.impl.Rows.time;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import vn.luot.core.domain.Actor;
import vn.luot.core.domain.counter.Counter;
import vn.luot.core.domain.counter.DeskChange;
import vn.luot.core.domain.event.EventType;

/**
 * Writes the managers' audit log (issue 10), always inside the transaction of the action it records, so
 * an action and its audit line are stored together or not at all.
 */
final class AuditRows {
    /** The counter actions that change how the hall is staffed, as opposed to working a ticket. */
    private static final Set<EventType> COUNTER_SETUP = Set.of(EventType.COUNTER_OPENED, EventType.COUNTER_PAUSED,
            EventType.COUNTER_RESUMED, EventType.COUNTER_CLOSED, EventType.COUNTER_SERVICES_CHANGED);

    private AuditRows() {
    }

    static Future<Void> insert(SqlConnection conn, Instant at, Actor actor, String action, String target,
                               JsonObject before, JsonObject after) {
        return conn.preparedQuery("INSERT INTO audit_log (at, actor, action, target, before, after) "
                        + "VALUES ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.wrap(Arrays.asList(time(at), actor.username(), action, target, before, after)))
                .mapEmpty();
    }

    /** A manager (or admin) opening, pausing, closing or re-serving a counter: recorded; staff's own work is not. */
    static Future<Void> counterChange(SqlConnection conn, Actor actor, Counter before, DeskChange change, Instant at) {
        if (!actor.role().supervisesCounters() || !COUNTER_SETUP.contains(change.event())
                || change.counter().version() == before.version()) {
            return Future.succeededFuture();
        }
        return insert(conn, at, actor, change.event().wireName(), "counter:" + before.id(), counter(before),
                counter(change.counter()));
    }

    private static JsonObject counter(Counter c) {
        return new JsonObject().put("siteId", c.siteId()).put("state", c.state().wireName())
                .put("services", new JsonArray(c.services())).put("openedBy", c.openedBy());
    }
}
