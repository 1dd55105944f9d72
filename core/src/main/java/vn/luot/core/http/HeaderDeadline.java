package vn.luot.core.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Closes a connection whose first request has not arrived in full within the deadline: a client that
 * opens connections and sends its headers a byte at a time (which no idle timeout catches) ties up
 * nothing for longer than that. Later requests on a kept-alive connection are bounded by the idle
 * timeout. One per HTTP server, touched on that server's event loop only.
 */
final class HeaderDeadline {
    private final Vertx vertx;
    private final Duration deadline;
    private final Map<HttpConnection, Long> waiting = new HashMap<>();

    HeaderDeadline(Vertx vertx, Duration deadline) {
        this.vertx = vertx;
        this.deadline = deadline;
    }

    /** For the server's connection handler. */
    void connected(HttpConnection connection) {
        long timer = vertx.setTimer(deadline.toMillis(), id -> {
            waiting.remove(connection);
            connection.close();
        });
        waiting.put(connection, timer);
        connection.closeHandler(v -> cancel(connection));
    }

    /** For the server's request handler: the request's headers have all arrived. */
    void requestArrived(HttpConnection connection) {
        cancel(connection);
    }

    private void cancel(HttpConnection connection) {
        Long timer = waiting.remove(connection);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }
}
