package vn.luot.core.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicInteger;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.limits.SocketsPerClient;

/**
 * {@code /ws/sites/{siteId}}: a hall's live stream. It sends a snapshot, then every event with a
 * sequence number one higher than the last. A client that sees a gap sends {@code {"type":"resync"}}
 * and gets a fresh snapshot; events continue after it.
 */
public final class SiteSocketHandler {
    private final LiveHub hub;
    private final Catalogue catalogue;
    private final AtomicInteger open;
    private final SocketsPerClient perClient;

    public SiteSocketHandler(LiveHub hub, Catalogue catalogue, AtomicInteger openSockets, SocketsPerClient perClient) {
        this.hub = hub;
        this.catalogue = catalogue;
        this.open = openSockets;
        this.perClient = perClient;
    }

    public void connect(RoutingContext ctx) {
        String siteId = ctx.pathParam("siteId");
        if (catalogue.findSite(siteId).isEmpty()) {
            throw new QueueException(Problem.SITE_NOT_FOUND, siteId);
        }
        LiveSockets.upgrade(ctx, perClient, open, socket -> attach(socket, siteId));
    }

    private Runnable attach(ServerWebSocket socket, String siteId) {
        Subscriber subscriber = new SocketSubscriber(socket, Vertx.currentContext());
        socket.textMessageHandler(text -> {
            if (isResync(text)) {
                hub.resync(siteId, subscriber);
            }
        });
        hub.subscribe(siteId, subscriber);
        return () -> hub.unsubscribe(siteId, subscriber);
    }

    private static boolean isResync(String text) {
        try {
            String type = new JsonObject(text).getString("type");
            return "resync".equals(type) || "snapshot".equals(type);
        } catch (DecodeException | ClassCastException e) {
            return false;
        }
    }
}
