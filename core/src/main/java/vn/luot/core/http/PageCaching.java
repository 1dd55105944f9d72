package vn.luot.core.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How browsers keep the pages. Every page, script, style, bundle and clip is sent with
 * {@code Cache-Control: no-cache} and an {@code ETag} made from its content (and Vert.x's StaticHandler adds
 * {@code Last-Modified}): a browser keeps it and asks again each time, and a file that did not change costs
 * a 304 with no body. So a phone on 3G downloads on a reload only what changed, the tag stays the same
 * across restarts and nodes (it is the content's), and nobody runs yesterday's script after an upgrade.
 */
final class PageCaching implements Handler<RoutingContext> {
    /** Already compressed: gzip would only spend CPU. */
    static final Set<String> BINARY_SUFFIXES = Set.of("ogg", "png", "jpg", "ico", "woff2");

    private final Vertx vertx;
    private final String root;
    /** Resource path → its ETag, or empty when there is no such file (the router answers 404 then). */
    private final Map<String, Optional<String>> tags = new ConcurrentHashMap<>();

    PageCaching(Vertx vertx, String root) {
        this.vertx = vertx;
        this.root = root;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            ctx.next();
            return;
        }
        String path = ctx.normalizedPath();
        String resource = root + (path.endsWith("/") ? path + "index.html" : path);
        Optional<String> known = tags.get(resource);
        if (known != null) {
            answer(ctx, known);
            return;
        }
        // Read once, off the event loop; every later request uses the tag kept here.
        vertx.executeBlocking(() -> tag(resource)).onComplete(done -> {
            Optional<String> tag = done.succeeded() ? done.result() : Optional.empty();
            tags.put(resource, tag);
            answer(ctx, tag);
        });
    }

    private static void answer(RoutingContext ctx, Optional<String> tag) {
        if (tag.isEmpty()) {
            ctx.next();
            return;
        }
        String etag = tag.get();
        String asked = ctx.request().getHeader("If-None-Match");
        if (asked != null && (asked.contains(etag.substring(2)) || asked.trim().equals("*"))) {
            ctx.response().setStatusCode(304).putHeader("ETag", etag).putHeader("Cache-Control", "no-cache").end();
            return;
        }
        ctx.addHeadersEndHandler(v -> {
            if (ctx.response().getStatusCode() == 200) {
                ctx.response().headers().set("Cache-Control", "no-cache").set("ETag", etag);
            }
        });
        ctx.next();
    }

    /** A weak tag (the body may be sent gzipped) from the file's SHA-256. */
    private static Optional<String> tag(String resource) {
        try (InputStream in = PageCaching.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            byte[] hash = digest.digest();
            return Optional.of("W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
