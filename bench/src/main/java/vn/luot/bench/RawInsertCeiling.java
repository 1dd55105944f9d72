package vn.luot.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling durable ticket issuing cannot beat: single-row INSERT transactions per second against the
 * same PostgreSQL, with the same number of connections and the same durability settings, closed loop.
 */
final class RawInsertCeiling {
    private static final String TABLE = "bench_raw_insert";

    private RawInsertCeiling() {
    }

    /**
     * Runs the inserts. The CPU is read before the connections close: PostgreSQL's backends for them are
     * processes that vanish with their connections, and their CPU time with them.
     */
    static Report.RawCeiling run(Vertx vertx, String databaseUrl, int connections, Duration warmup, Duration measure,
                                 ProcessProbe.CpuMeter cpu) {
        Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(connections)).connectingTo(databaseUrl)
                .using(vertx).build();
        try {
            pool.query("DROP TABLE IF EXISTS " + TABLE).execute()
                    .compose(dropped -> pool.query("CREATE TABLE " + TABLE
                            + " (id uuid PRIMARY KEY, site_id text NOT NULL, issued_at timestamptz NOT NULL)").execute())
                    .timeout(30, TimeUnit.SECONDS).await();
            var settings = pool.query("SELECT current_setting('fsync'), current_setting('synchronous_commit')")
                    .execute().timeout(30, TimeUnit.SECONDS).await().iterator().next();
            AtomicLong counted = new AtomicLong();
            long measureFrom = System.nanoTime() + warmup.toNanos();
            long end = measureFrom + measure.toNanos();
            Promise<Void> done = Promise.promise();
            AtomicLong running = new AtomicLong(connections);
            for (int i = 0; i < connections; i++) {
                insertUntil(pool, end, measureFrom, counted).onComplete(ar -> {
                    if (running.decrementAndGet() == 0) {
                        done.complete();
                    }
                });
            }
            done.future().await(warmup.plus(measure).toSeconds() + 60, TimeUnit.SECONDS);
            Report.Cpu used = cpu.stop();
            pool.query("DROP TABLE " + TABLE).execute().timeout(30, TimeUnit.SECONDS).await();
            return new Report.RawCeiling(counted.get() / (measure.toMillis() / 1000.0), connections,
                    settings.getString(0), settings.getString(1), used);
        } catch (Exception e) {
            throw new IllegalStateException("raw insert ceiling failed: " + e.getMessage(), e);
        } finally {
            pool.close();
        }
    }

    /**
     * One closed-loop worker: the next insert starts when the previous one commits. A chain of
     * {@code compose} calls here would grow with every insert and overflow the stack when it completes,
     * so each insert schedules the next from its completion handler.
     */
    private static Future<Void> insertUntil(Pool pool, long end, long measureFrom, AtomicLong counted) {
        Promise<Void> finished = Promise.promise();
        insertNext(pool, end, measureFrom, counted, finished);
        return finished.future();
    }

    private static void insertNext(Pool pool, long end, long measureFrom, AtomicLong counted, Promise<Void> finished) {
        if (System.nanoTime() >= end) {
            finished.complete();
            return;
        }
        pool.preparedQuery("INSERT INTO " + TABLE + " (id, site_id, issued_at) VALUES ($1, $2, $3)")
                .execute(Tuple.of(UUID.randomUUID(), "hac-thanh", OffsetDateTime.now()))
                .onComplete(inserted -> {
                    if (inserted.failed()) {
                        finished.fail(inserted.cause());
                        return;
                    }
                    long now = System.nanoTime();
                    if (now >= measureFrom && now < end) {
                        counted.incrementAndGet();
                    }
                    insertNext(pool, end, measureFrom, counted, finished);
                });
    }
}
