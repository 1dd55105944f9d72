package vn.luot.core.store.impl;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.function.Function;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;

/**
 * A request made again under its idempotency key. Rows that a keyed request created keep the key and a
 * fingerprint of the request ({@code idempotency_key}, {@code request_hash}); the same key with another
 * request is a client's mistake, refused rather than answered with somebody else's row.
 */
final class EarlierRequests {
    private EarlierRequests() {
    }

    /** The row the first request with this key created, read with {@code columns}; empty if none did. */
    static <T> Future<Optional<T>> find(SqlClient client, String table, String columns, String key,
                                        String fingerprint, Function<Row, T> outcome) {
        return client.preparedQuery("SELECT " + columns + ", request_hash FROM " + table + " WHERE idempotency_key = $1")
                .execute(Tuple.of(key))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    if (!fingerprint.equals(row.getString("request_hash"))) {
                        throw new QueueException(Problem.IDEMPOTENCY_KEY_REUSED, key);
                    }
                    return Optional.of(outcome.apply(row));
                });
    }
}
