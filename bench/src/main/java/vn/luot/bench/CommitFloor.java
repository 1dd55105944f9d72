package vn.luot.bench;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The floor under every call-to-display figure: a display is told of a call only once the call's
 * transaction is durable, so no call reaches a display sooner than PostgreSQL takes to commit. One
 * connection, at the display phase's pace (a call and a completion each 200 ms at 5 calls/s: ten commits a
 * second), alternately a single-row INSERT in its own transaction (one round trip and the WAL's flush to
 * disk) and a {@code SELECT 1} (the round trip alone). On this virtual disk the flush has a long tail that
 * no code of ours can shorten; the display targets are read against it.
 */
final class CommitFloor {
    private static final String TABLE = "bench_commit_floor";

    /** What a commit and a bare round trip cost at this pace. */
    record Result(double perSecond, long commits, double commitP50Ms, double commitP99Ms, double commitMaxMs,
                  double roundTripP50Ms, double roundTripP99Ms) {
    }

    private CommitFloor() {
    }

    static Result run(Vertx vertx, String databaseUrl, double perSecond, Duration measure) {
        Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(databaseUrl)
                .using(vertx).build();
        try {
            pool.query("DROP TABLE IF EXISTS " + TABLE).execute()
                    .compose(dropped -> pool.query("CREATE TABLE " + TABLE + " (n bigint PRIMARY KEY)").execute())
                    .timeout(30, TimeUnit.SECONDS).await();
            Latencies commits = new Latencies();
            Latencies roundTrips = new Latencies();
            long count = (long) (perSecond * measure.toSeconds());
            Promise<Void> done = Promise.promise();
            long gapMillis = Math.max(1, Math.round(1000 / perSecond));
            vertx.runOnContext(v -> next(vertx, pool, 0, count, gapMillis, commits, roundTrips, done));
            done.future().timeout(measure.toSeconds() + 60, TimeUnit.SECONDS).await();
            pool.query("DROP TABLE " + TABLE).execute().timeout(30, TimeUnit.SECONDS).await();
            return new Result(perSecond, commits.count(), commits.ms(50), commits.ms(99), commits.maxMs(),
                    roundTrips.ms(50), roundTrips.ms(99));
        } finally {
            pool.close();
        }
    }

    /** One statement every gap, each scheduled from the one before (a closed loop at a fixed pace). */
    private static void next(Vertx vertx, Pool pool, long n, long count, long gapMillis, Latencies commits,
                             Latencies roundTrips, Promise<Void> done) {
        if (n >= 2 * count) {
            done.tryComplete();
            return;
        }
        boolean commit = n % 2 == 0;
        Query<RowSet<Row>> statement = pool.query(commit ? "INSERT INTO " + TABLE + " VALUES (" + n + ")" : "SELECT 1");
        long sent = System.nanoTime();
        statement.execute().onComplete(ar -> {
            if (ar.failed()) {
                done.tryFail(ar.cause());
                return;
            }
            (commit ? commits : roundTrips).recordNanos(System.nanoTime() - sent);
            vertx.setTimer(gapMillis, id -> next(vertx, pool, n + 1, count, gapMillis, commits, roundTrips, done));
        });
    }
}
