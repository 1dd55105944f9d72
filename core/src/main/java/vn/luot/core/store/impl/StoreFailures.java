package vn.luot.core.store.impl;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import vn.luot.core.store.StoreUnavailableException;

/**
 * Tells "the database is down, unreachable or too busy right now" (503, retry later) apart from real
 * faults. Anything a client can meet by bad luck is on the first side: a refused, reset or dropped
 * connection, a timeout, a statement cancelled by the statement timeout, too many connections, a
 * serialization failure or deadlock (a retry succeeds).
 */
public final class StoreFailures {
    /** SQL states that a retry later may not meet: connection (08), operator intervention and cancels (57),
     *  insufficient resources (53), transaction rollbacks such as serialization failures and deadlocks (40). */
    private static final String[] TRANSIENT_STATES = {"08", "57", "53", "40", "55P03"};
    private StoreFailures() {
    }

    static <T> Future<T> translate(Throwable failure) {
        return Future.failedFuture(isUnavailable(failure) ? new StoreUnavailableException(failure) : failure);
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // IOException covers "Connection reset" (SocketException) and netty's native socket errors.
            if (t instanceof IOException || t instanceof ClosedConnectionException
                    || t instanceof ConnectTimeoutException || t instanceof TimeoutException) {
                return true;
            }
            if (t instanceof PgException pg && isTransient(pg.getSqlState())) {
                return true;
            }
            if (t instanceof VertxException && t.getMessage() != null
                    && (t.getMessage().contains("Connection refused") || t.getMessage().contains("closed")
                    || t.getMessage().contains("Timeout") || t.getMessage().contains("Connection reset"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(String sqlState) {
        if (sqlState == null) {
            return false;
        }
        for (String prefix : TRANSIENT_STATES) {
            if (sqlState.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure is PostgreSQL's, with one of these SQL states (such as 42P01, no such table). */
    public static boolean hasSqlState(Throwable failure, String... states) {
        if (failure instanceof PgException pg) {
            for (String state : states) {
                if (state.equals(pg.getSqlState())) {
                    return true;
                }
            }
        }
        return false;
    }
}
