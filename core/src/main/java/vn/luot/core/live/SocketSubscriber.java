package vn.luot.core.live;

import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;

/**
 * A WebSocket as a {@link Subscriber}. A client too slow to drain its messages is disconnected rather
 * than buffered without bound; it reconnects and starts again from a fresh snapshot.
 */
final class SocketSubscriber implements Subscriber {
    static final short TOO_SLOW = 1013;
    private final ServerWebSocket socket;
    private final Context context;

    SocketSubscriber(ServerWebSocket socket, Context context) {
        this.socket = socket;
        this.context = context;
    }

    @Override
    public Context context() {
        return context;
    }

    @Override
    public boolean send(EncodedMessage message) {
        if (socket.isClosed()) {
            return false;
        }
        if (socket.writeQueueFull()) {
            socket.close(TOO_SLOW, "too slow");
            return false;
        }
        message.writeTo(socket);
        return true;
    }
}
