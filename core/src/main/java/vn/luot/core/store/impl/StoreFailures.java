package vn.luot.core.store.impl;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import vn.luot.core.store.StoreUnavailableException;

/** Tells "the database is down or unreachable" (503, retry later) apart from real faults. */
final class StoreFailures {
    private StoreFailures() {
    }

    static <T> Future<T> translate(Throwable failure) {
        return Future.failedFuture(isUnavailable(failure) ? new StoreUnavailableException(failure) : failure);
    }

    static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedConnectionException
                    || t instanceof ConnectTimeoutException || t instanceof TimeoutException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof VertxException && t.getMessage() != null
                    && (t.getMessage().contains("Connection refused") || t.getMessage().contains("closed")
                    || t.getMessage().contains("Timeout"))) {
                return true;
            }
        }
        return false;
    }

    static boolean hasSqlState(Throwable failure, String... states) {
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
