package vn.luot.core.store.impl;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.TransactionRollbackException;
import java.util.function.Function;

/**
 * {@link Pool#withTransaction} without its wait for BEGIN's answer: the work's first statements go out
 * right behind BEGIN on the same connection (the client pipelines them), so BEGIN costs no round trip of
 * its own. PostgreSQL runs a connection's statements in the order sent, so they still run inside the
 * transaction; if BEGIN fails, so do they, and the connection is closed, which rolls back what remains.
 * Commit and rollback are as in {@code withTransaction}.
 */
final class PipelinedTransaction {
    private PipelinedTransaction() {
    }

    static <T> Future<T> run(Pool pool, Function<SqlConnection, Future<T>> work) {
        return pool.getConnection().compose(conn -> {
            Future<Transaction> begun = conn.begin();
            // compose, so that a work that throws gives a failed future and the connection is still closed.
            Future<T> done = Future.succeededFuture(conn).compose(work);
            return begun.compose(tx -> done.compose(
                            result -> tx.commit().map(result),
                            failure -> failure instanceof TransactionRollbackException
                                    ? Future.<T>failedFuture(failure)
                                    : tx.rollback().transform(rolledBack -> Future.<T>failedFuture(failure))))
                    .onComplete(ended -> conn.close());
        });
    }
}
