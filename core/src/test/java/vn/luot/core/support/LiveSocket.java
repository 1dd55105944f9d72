package vn.luot.core.support;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client that collects what the server sends, for tests to take one by one. */
public final class LiveSocket implements AutoCloseable {
    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    private final WebSocket socket;
    private volatile Integer closeCode;

    private LiveSocket(String url, String... headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        this.socket = builder.buildAsync(URI.create(url), new Collector()).join();
    }

    /** @param url such as {@code ws://localhost:1234/ws/sites/hac-thanh} */
    public static LiveSocket open(String url) {
        return new LiveSocket(url);
    }

    /** Opens a socket with request headers, such as a printer bridge's {@code Authorization}. */
    public static LiveSocket open(String url, String... headers) {
        return new LiveSocket(url, headers);
    }

    public JsonObject next() {
        return next(Duration.ofSeconds(10));
    }

    public JsonObject next(Duration timeout) {
        try {
            JsonObject message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + timeout);
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next message that is not a heartbeat. */
    public JsonObject nextEvent() {
        while (true) {
            JsonObject m = next();
            if (!"heartbeat".equals(m.getString("type"))) {
                return m;
            }
        }
    }

    /** Skips messages until one matches; fails after the timeout. */
    public JsonObject nextMatching(Predicate<JsonObject> wanted) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonObject m = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (wanted.test(m)) {
                return m;
            }
        }
        throw new AssertionError("no matching message");
    }

    /** Whatever has arrived so far, without waiting. */
    public List<JsonObject> drain() {
        List<JsonObject> all = new ArrayList<>();
        messages.drainTo(all);
        return all;
    }

    public void send(JsonObject message) {
        socket.sendText(message.encode(), true).join();
    }

    public Integer closeCode() {
        return closeCode;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(new JsonObject(partial.toString()));
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closeCode = statusCode;
            return null;
        }
    }
}
