package vn.luot.core.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.limits.SocketsPerClient;
import vn.luot.core.store.QueueStore;

/**
 * {@code /ws/tickets/{ticketId}}: a citizen's phone following one ticket. It sends the ticket's status,
 * the people ahead and the estimated wait, then again each time one of them changes.
 */
public final class TicketSocketHandler {
    /** Close code for a ticket that does not exist (4000-4999 are the application's own). */
    static final short UNKNOWN_TICKET = 4404;
    private final LiveHub hub;
    private final QueueStore store;
    private final AtomicInteger open;
    private final SocketsPerClient perClient;

    public TicketSocketHandler(LiveHub hub, QueueStore store, AtomicInteger openSockets, SocketsPerClient perClient) {
        this.hub = hub;
        this.store = store;
        this.open = openSockets;
        this.perClient = perClient;
    }

    public void connect(RoutingContext ctx) {
        UUID ticketId;
        try {
            ticketId = UUID.fromString(ctx.pathParam("ticketId"));
        } catch (IllegalArgumentException e) {
            throw new QueueException(Problem.TICKET_NOT_FOUND, ctx.pathParam("ticketId"));
        }
        LiveSockets.upgrade(ctx, perClient, open, socket -> attach(socket, ticketId));
    }

    /**
     * The ticket is looked up while the socket may already be gone: a socket closed before the answer
     * is never watched, because its close handler, which unwatches, has already run.
     */
    private Runnable attach(ServerWebSocket socket, UUID ticketId) {
        Subscriber watcher = new SocketSubscriber(socket, Vertx.currentContext());
        store.ticket(ticketId).onComplete(found -> {
            if (socket.isClosed()) {
                return;
            }
            if (found.failed() || found.result().isEmpty()) {
                String error = found.failed() ? Problem.DATABASE_UNAVAILABLE.code() : Problem.TICKET_NOT_FOUND.code();
                socket.writeTextMessage(new JsonObject().put("type", "error").put("error", error).encode());
                socket.close(UNKNOWN_TICKET, error);
                return;
            }
            hub.watch(found.result().get(), watcher);
        });
        return () -> hub.unwatch(ticketId, watcher);
    }
}
