package vn.luot.core.live;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.http.ClientAddress;
import vn.luot.core.limits.SocketsPerClient;

/**
 * The upgrade every public live socket goes through: a place for the client's address (refused with
 * 429 before the upgrade at the ceiling), then the open-sockets gauge. Both are given back exactly once,
 * when the socket ends, however early that is: a close handler set on a socket that is already gone
 * may never run, so such a socket is counted out at once and never attached.
 */
final class LiveSockets {
    private LiveSockets() {
    }

    /**
     * @param attach starts serving the socket and returns what to do when it closes; it runs on the
     *               socket's event loop, in the same task that sets the close handler, so no close slips between
     */
    static void upgrade(RoutingContext ctx, SocketsPerClient perClient, AtomicInteger open,
                        Function<ServerWebSocket, Runnable> attach) {
        String address = ClientAddress.of(ctx);
        if (!perClient.tryOpen(address)) {
            throw new QueueException(Problem.TOO_MANY_SOCKETS, perClient.ceiling());
        }
        ctx.request().toWebSocket().onComplete(upgraded -> {
            if (upgraded.failed()) {
                perClient.closed(address);
                ctx.fail(upgraded.cause());
                return;
            }
            ServerWebSocket socket = upgraded.result();
            if (socket.isClosed()) {
                perClient.closed(address);
                return;
            }
            open.incrementAndGet();
            Runnable onClose = attach.apply(socket);
            socket.closeHandler(v -> {
                open.decrementAndGet();
                perClient.closed(address);
                onClose.run();
            });
        });
    }
}
