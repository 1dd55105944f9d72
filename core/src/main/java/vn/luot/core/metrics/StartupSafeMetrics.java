package vn.luot.core.metrics;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.ClientMetrics;
import io.vertx.core.spi.metrics.DatagramSocketMetrics;
import io.vertx.core.spi.metrics.EventBusMetrics;
import io.vertx.core.spi.metrics.HttpClientMetrics;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.PoolMetrics;
import io.vertx.core.spi.metrics.TCPMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;

/**
 * Vert.x's Micrometer metrics, guarded against a start-up race in Vert.x 5.0.7 (unchanged in 5.0.9 and on
 * vert.x master).
 *
 * <p>{@code NetServerImpl.bind} creates the server's metrics in a listener it adds to the bind's promise
 * after starting the bind; when the bind has already completed by then (the starting thread descheduled on a
 * loaded machine), that listener runs as a later task of the acceptor loop, and a connection already waiting
 * is accepted first, without a socket metric. HTTP/1 is set up only when the connection's first bytes arrive
 * (h2c detection), by then with the server's metrics: {@code VertxHttpServerMetrics.requestBegin} then throws
 * {@code NullPointerException: ... "socketMetric" is null} and the request never gets an answer. Hall
 * displays reconnect the moment a server restarts, so they meet it. The guard skips the metrics of such a
 * connection. {@code StartupSafeMetricsTest} makes that state on purpose and shows both sides.
 *
 * <p>It must not override {@code init(VertxBootstrap)}: the interface's own installs what {@link #metrics}
 * returns, whereas passing {@code init} on to the delegate installed the delegate's metrics, unguarded.
 */
final class StartupSafeMetrics implements VertxMetricsFactory {
    private final VertxMetricsFactory delegate;

    StartupSafeMetrics(VertxMetricsFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public VertxMetrics metrics(VertxOptions options) {
        return new Guarded(delegate.metrics(options));
    }

    @Override
    public MetricsOptions newOptions() {
        return delegate.newOptions();
    }

    @Override
    public MetricsOptions newOptions(MetricsOptions options) {
        return delegate.newOptions(options);
    }

    @Override
    public MetricsOptions newOptions(JsonObject json) {
        return delegate.newOptions(json);
    }

    /** Everything as Micrometer does it, except that HTTP server metrics tolerate a missing socket metric. */
    private static final class Guarded implements VertxMetrics {
        private final VertxMetrics delegate;

        Guarded(VertxMetrics delegate) {
            this.delegate = delegate;
        }

        @Override
        public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(HttpServerOptions options, SocketAddress localAddress) {
            HttpServerMetrics<?, ?, ?> metrics = delegate.createHttpServerMetrics(options, localAddress);
            return metrics == null ? null : new NullSafeHttpServerMetrics(metrics);
        }

        @Override
        public EventBusMetrics<?> createEventBusMetrics() {
            return delegate.createEventBusMetrics();
        }

        @Override
        public ClientMetrics<?, ?, ?> createClientMetrics(SocketAddress remote, String type, String namespace) {
            return delegate.createClientMetrics(remote, type, namespace);
        }

        @Override
        public HttpClientMetrics<?, ?, ?> createHttpClientMetrics(HttpClientOptions options) {
            return delegate.createHttpClientMetrics(options);
        }

        @Override
        public TCPMetrics<?> createNetServerMetrics(NetServerOptions options, SocketAddress localAddress) {
            return delegate.createNetServerMetrics(options, localAddress);
        }

        @Override
        public TCPMetrics<?> createNetClientMetrics(NetClientOptions options) {
            return delegate.createNetClientMetrics(options);
        }

        @Override
        public DatagramSocketMetrics createDatagramSocketMetrics(DatagramSocketOptions options) {
            return delegate.createDatagramSocketMetrics(options);
        }

        @Override
        public PoolMetrics<?, ?> createPoolMetrics(String type, String name, int maxSize) {
            return delegate.createPoolMetrics(type, name, maxSize);
        }

        @Override
        public void vertxCreated(Vertx vertx) {
            delegate.vertxCreated(vertx);
        }

        @Override
        public boolean isMetricsEnabled() {
            return delegate.isMetricsEnabled();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /** Passes every call on, except those about a connection that has no socket metric. */
    private static final class NullSafeHttpServerMetrics implements HttpServerMetrics<Object, Object, Object> {
        private final HttpServerMetrics<Object, Object, Object> delegate;

        @SuppressWarnings("unchecked") // the metric types are opaque tokens passed back to the same object
        NullSafeHttpServerMetrics(HttpServerMetrics<?, ?, ?> delegate) {
            this.delegate = (HttpServerMetrics<Object, Object, Object>) delegate;
        }

        @Override
        public Object requestBegin(Object socket, HttpRequest request) {
            return socket == null ? null : delegate.requestBegin(socket, request);
        }

        @Override
        public void requestEnd(Object request, HttpRequest httpRequest, long bytesRead) {
            if (request != null) {
                delegate.requestEnd(request, httpRequest, bytesRead);
            }
        }

        @Override
        public void requestReset(Object request) {
            if (request != null) {
                delegate.requestReset(request);
            }
        }

        @Override
        public void responseBegin(Object request, HttpResponse response) {
            if (request != null) {
                delegate.responseBegin(request, response);
            }
        }

        @Override
        public Object responsePushed(Object socket, HttpMethod method, String uri, HttpResponse response) {
            return socket == null ? null : delegate.responsePushed(socket, method, uri, response);
        }

        @Override
        public void responseEnd(Object request, HttpResponse response, long bytesWritten) {
            if (request != null) {
                delegate.responseEnd(request, response, bytesWritten);
            }
        }

        @Override
        public Object connected(Object socket, Object request, ServerWebSocket webSocket) {
            return socket == null || request == null ? null : delegate.connected(socket, request, webSocket);
        }

        @Override
        public void disconnected(Object webSocket) {
            if (webSocket != null) {
                delegate.disconnected(webSocket);
            }
        }

        @Override
        public void requestRouted(Object request, String route) {
            if (request != null) {
                delegate.requestRouted(request, route);
            }
        }

        @Override
        public Object connected(SocketAddress remoteAddress, String remoteName) {
            return delegate.connected(remoteAddress, remoteName);
        }

        @Override
        public void disconnected(Object socket, SocketAddress remoteAddress) {
            if (socket != null) {
                delegate.disconnected(socket, remoteAddress);
            }
        }

        @Override
        public void bytesRead(Object socket, SocketAddress remoteAddress, long numberOfBytes) {
            if (socket != null) {
                delegate.bytesRead(socket, remoteAddress, numberOfBytes);
            }
        }

        @Override
        public void bytesWritten(Object socket, SocketAddress remoteAddress, long numberOfBytes) {
            if (socket != null) {
                delegate.bytesWritten(socket, remoteAddress, numberOfBytes);
            }
        }

        @Override
        public void exceptionOccurred(Object socket, SocketAddress remoteAddress, Throwable t) {
            if (socket != null) {
                delegate.exceptionOccurred(socket, remoteAddress, t);
            }
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
