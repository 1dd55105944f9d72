package vn.luot.core.http;

import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import vn.luot.core.limits.TrustedProxies;

/**
 * The address a request came from, for the limits kept per client: the TCP peer, or behind one of the
 * {@code server.trustedProxies} the client that proxy names in {@code X-Forwarded-For}
 * ({@link TrustedProxies}). The first handler of every route works it out once; handlers read it with
 * {@link #of}.
 */
public final class ClientAddress implements Handler<RoutingContext> {
    private static final String KEY = "luot.clientAddress";
    private final TrustedProxies proxies;

    public ClientAddress(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String peer = peer(ctx);
        ctx.put(KEY, proxies.isEmpty() ? peer : proxies.clientOf(peer, ctx.request().headers().getAll("X-Forwarded-For")));
        ctx.next();
    }

    /** The client's address as worked out for this request (the TCP peer if no one worked it out). */
    public static String of(RoutingContext ctx) {
        String address = ctx.get(KEY);
        return address != null ? address : peer(ctx);
    }

    private static String peer(RoutingContext ctx) {
        SocketAddress remote = ctx.request().remoteAddress();
        return remote == null || remote.hostAddress() == null ? "" : remote.hostAddress();
    }
}
