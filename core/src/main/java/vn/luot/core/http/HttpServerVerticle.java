package vn.luot.core.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import io.vertx.core.Vertx;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.live.EncodedMessage;

/**
 * One HTTP server on one event loop. Several instances share the port; Vert.x spreads connections
 * across them, one per event loop.
 */
public final class HttpServerVerticle extends VerticleBase {
    private final Function<Vertx, Router> routes;
    private final int port;
    private final LuotConfig.Server settings;
    private HttpServer server;

    public HttpServerVerticle(Function<Vertx, Router> routes, int port, LuotConfig.Server settings) {
        this.routes = routes;
        this.port = port;
        this.settings = settings;
    }

    @Override
    public Future<?> start() {
        HttpServerOptions options = new HttpServerOptions()
                .setPort(port)
                // Clients only ever send small control messages over the sockets.
                .setMaxWebSocketMessageSize(4096)
                .setMaxWebSocketFrameSize(EncodedMessage.MAX_FRAME_BYTES)
                // No permessage-deflate (issue 15): every live message is encoded once and the same bytes go
                // to every subscriber; compression runs per connection and would redo the work per socket.
                // Live messages are a few hundred bytes.
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false)
                // No HTTP/2 upgrade on plain HTTP: browsers never ask for it, and in Vert.x 5.0.7 an upgraded
                // request with a large answer (the 45 KB OpenAPI document) can hang. Clients stay on HTTP/1.1.
                .setHttp2ClearTextEnabled(false)
                // gzip for clients that ask (Accept-Encoding): pages, scripts, styles, bundles and JSON.
                .setCompressionSupported(true)
                .setCompressionLevel(6)
                // hardening (issue 12): a connection silent in both directions this long is closed. Every live
                // socket gets a heartbeat at least every 10 s, so only dead or hostile connections reach it.
                .setIdleTimeout((int) settings.idleTimeout().toSeconds())
                .setIdleTimeoutUnit(TimeUnit.SECONDS);
        Router router = routes.apply(vertx);
        HeaderDeadline headers = new HeaderDeadline(vertx, settings.headerTimeout());
        return vertx.createHttpServer(options)
                .connectionHandler(headers::connected)
                .invalidRequestHandler(InvalidRequests::answer)
                .requestHandler(request -> {
                    headers.requestArrived(request.connection());
                    if (!InvalidRequests.refusedMalformedPath(request)) {
                        router.handle(request);
                    }
                })
                .listen()
                .onSuccess(started -> server = started);
    }

    public int actualPort() {
        return server.actualPort();
    }
}
