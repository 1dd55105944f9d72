package vn.luot.core.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * The headers every answer carries, pages and API alike, set just before the headers go out so that
 * error answers carry them too. Scripts, styles and everything else come from the server itself only
 * (the pages have no inline script or style), no page may be framed, browsers never guess a content
 * type, and no address (the tracking link holds a holder secret) leaks to another site as a referrer.
 * There is no CORS: a browser page from another origin may not call the API (see {@code server.corsOrigins}).
 */
final class SecurityHeaders implements Handler<RoutingContext> {
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            // The hall display fetches its voice clips once and plays them from blob: addresses.
            "media-src 'self' blob:",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Override
    public void handle(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> {
            MultiMap headers = ctx.response().headers();
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Cross-Origin-Opener-Policy", "same-origin");
        });
        ctx.next();
    }
}
