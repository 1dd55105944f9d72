package vn.luot.core.db;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import vn.luot.core.config.LuotConfig;

/** Creates the connection pools: the one the queue shares, and the reports' own. */
public final class DatabasePool {
    private DatabasePool() {
    }

    public static Pool create(Vertx vertx, String url, LuotConfig.Database settings) {
        return create(vertx, url, settings, settings.poolSize(), "luot");
    }

    /** A pool of its own (the reports'), so long reads never queue behind, or ahead of, issuing and calling. */
    public static Pool create(Vertx vertx, String url, LuotConfig.Database settings, int size, String name) {
        PgConnectOptions connect = PgConnectOptions.fromUri(url)
                .setCachePreparedStatements(true)
                // "relation already exists, skipping" and the like are not worth a warning in the log.
                .addProperty("client_min_messages", "warning")
                // While the database is frozen or a query is stuck, a request gets its 503 after this long
                // instead of hanging (migrations lift it for their own transaction).
                .addProperty("statement_timeout", Long.toString(settings.statementTimeout().toMillis()))
                .setReconnectAttempts(0);
        NetClientOptions network = new NetClientOptions()
                .setConnectTimeout((int) settings.connectTimeout().toMillis());
        PoolOptions pool = new PoolOptions()
                .setMaxSize(size)
                .setName(name)
                .setShared(false)
                // A request waits this long for a connection, then fails with 503 instead of hanging.
                .setConnectionTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
                .setConnectionTimeout((int) settings.connectTimeout().toMillis())
                .setMaxWaitQueueSize(10_000);
        return PgBuilder.pool().with(pool).with(network).connectingTo(connect).using(vertx).build();
    }
}
