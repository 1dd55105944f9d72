package vn.luot.core.store.impl;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Function;

/**
 * A transaction whose statements never wait for the ones before unless the work needs their answers:
 * {@code BEGIN}, the work's statements and, when the work asks for it, {@code COMMIT} go out on one
 * connection back to back (the client pipelines them), so neither end of the transaction costs a round
 * trip of its own. PostgreSQL runs a connection's statements in the order sent, so they all run inside the
 * transaction; once one of them fails, the rest fail too and a {@code COMMIT} sent after them rolls back.
 *
 * <p>It is {@code BEGIN} and {@code COMMIT} as SQL rather than the client's {@code Transaction}, because
 * that one sends its {@code COMMIT} only once every statement sent before has been answered.
 *
 * <p>Without {@link #commitBehind()}, it ends as {@code withTransaction} does: the work's future succeeds,
 * then {@code COMMIT}; it fails, then {@code ROLLBACK}, and the work's failure is the answer.
 */
final class PipelinedTransaction {
    private final SqlConnection connection;
    /** The COMMIT or ROLLBACK once sent: the transaction has then ended, one way or the other. */
    private Future<Void> end;

    private PipelinedTransaction(SqlConnection connection) {
        this.connection = connection;
    }

    static <T> Future<T> run(Pool pool, Function<PipelinedTransaction, Future<T>> work) {
        return pool.getConnection().compose(conn -> {
            PipelinedTransaction tx = new PipelinedTransaction(conn);
            Future<Void> begun = conn.query("BEGIN").execute().mapEmpty();
            // compose, so that a work that throws gives a failed future and the transaction still ends.
            Future<T> done = Future.succeededFuture(tx).compose(work);
            return begun.compose(ok -> done)
                    .compose(result -> tx.end("COMMIT").map(result),
                            failure -> tx.end("ROLLBACK").transform(ended -> Future.<T>failedFuture(failure)))
                    .onComplete(ended -> conn.close());
        });
    }

    SqlConnection connection() {
        return connection;
    }

    /**
     * Sends {@code COMMIT} now, right behind the statements already sent, without waiting for their answers.
     * Only for statements that fail when something is wrong, not ones whose row count the work looks at
     * afterwards: when one of them fails, PostgreSQL answers this {@code COMMIT} by rolling back (it answers
     * without an error, so the work learns of the failure from that statement's own answer, and gives it).
     * Once it is sent, nothing the work does afterwards may fail but by a statement's answer.
     */
    Future<Void> commitBehind() {
        return end("COMMIT");
    }

    private Future<Void> end(String sql) {
        if (end == null) {
            end = connection.query(sql).execute().mapEmpty();
        }
        return end;
    }
}
