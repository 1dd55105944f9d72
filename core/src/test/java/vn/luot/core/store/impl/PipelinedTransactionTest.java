package vn.luot.core.store.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.db.Migrations;
import vn.luot.core.support.TestDatabase;

/**
 * The transaction a counter action runs in, against a real PostgreSQL, on a pool of one connection so
 * that each test also shows the connection comes back clean (not inside a transaction, not aborted).
 */
@DisplayName("A pipelined transaction, its COMMIT sent behind its statements")
class PipelinedTransactionTest {
    private static Vertx vertx;
    private static Pool pool;
    private static String url;

    @BeforeAll
    static void start() {
        url = TestDatabase.fresh();
        vertx = Vertx.vertx();
        pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(url).addProperty("client_min_messages", "error"))
                .with(new PoolOptions().setMaxSize(1)).using(vertx).build();
        Migrations.run(pool).await();
        pool.query("CREATE TABLE notes (id int PRIMARY KEY)").execute().await();
    }

    @AfterAll
    static void stop() {
        pool.close().await();
        vertx.close().await();
    }

    @BeforeEach
    void empty() {
        TestDatabase.execute(url, "DELETE FROM notes");
    }

    @Test
    @DisplayName("Statements and a COMMIT sent right behind them, unanswered, are committed together")
    void committedBehind() throws Exception {
        Integer answer = wait(PipelinedTransaction.run(pool, tx -> {
            Future<Void> first = note(tx.connection(), 1);
            Future<Void> second = note(tx.connection(), 2);
            Future<Void> committed = tx.commitBehind();
            return Future.all(first, second).compose(both -> committed).map(42);
        }));

        assertThat(answer).isEqualTo(42);
        assertThat(notes()).isEqualTo(2);
    }

    @Test
    @DisplayName("A lost claim before a COMMIT sent behind it rolls back every statement sent with it, and says so")
    void lostClaimRollsBackWhatWasSentBehindIt() throws Exception {
        Future<Void> outcome = PipelinedTransaction.run(pool, tx -> {
            SqlConnection conn = tx.connection();
            Future<Void> before = note(conn, 1);
            Future<Void> claim = conn.query("SELECT luot_claimed(0)").execute().mapEmpty();
            Future<Void> after = note(conn, 2);
            Future<Void> committed = tx.commitBehind();
            return before.compose(x -> claim).compose(x -> after).compose(x -> committed);
        });

        Throwable failure = failureOf(outcome);
        assertThat(failure).isInstanceOf(PgException.class);
        assertThat(((PgException) failure).getSqlState()).isEqualTo("LR001");
        assertThat(notes()).as("the row sent before the lost claim is rolled back too").isZero();
        String next = wait(PipelinedTransaction.run(pool, tx -> note(tx.connection(), 3).map("clean")));
        assertThat(next).as("the one connection is reused, outside any transaction").isEqualTo("clean");
        assertThat(notes()).isEqualTo(1);
    }

    @Test
    @DisplayName("A claim of exactly one row lets the COMMIT behind it commit")
    void wonClaimCommits() throws Exception {
        wait(PipelinedTransaction.run(pool, tx -> {
            Future<Void> claim = tx.connection().query("SELECT luot_claimed(1)").execute().mapEmpty();
            Future<Void> saved = note(tx.connection(), 7);
            Future<Void> committed = tx.commitBehind();
            return claim.compose(x -> saved).compose(x -> committed);
        }));

        assertThat(notes()).isEqualTo(1);
    }

    @Test
    @DisplayName("Work that fails without a COMMIT sent behind it is rolled back, with the work's own failure given")
    void failedWorkRollsBack() throws Exception {
        Future<Void> outcome = PipelinedTransaction.run(pool, tx -> note(tx.connection(), 1)
                .compose(saved -> Future.failedFuture(new IllegalStateException("the action refused"))));

        assertThat(failureOf(outcome)).hasMessage("the action refused");
        assertThat(notes()).isZero();
    }

    private static Future<Void> note(SqlConnection conn, int id) {
        return conn.preparedQuery("INSERT INTO notes (id) VALUES ($1)").execute(Tuple.of(id)).mapEmpty();
    }

    private static long notes() {
        return TestDatabase.count(url, "SELECT count(*) FROM notes");
    }

    private static <T> T wait(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static Throwable failureOf(Future<?> future) throws Exception {
        try {
            wait(future);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the transaction should have failed");
    }
}
