package vn.luot.core.live;

import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
     * A frame over the size limit (1009) or a text frame that is not UTF-8 (1007) closes the socket with
     * that code and a reason, so the client learns why instead of meeting a dropped connection.
     */
    private static void refuseBadFrame(ServerWebSocket socket, Throwable failure) {
        if (failure instanceof CorruptedWebSocketFrameException bad && !socket.isClosed()) {
            WebSocketCloseStatus status = bad.closeStatus();
            socket.close((short) status.code(), bad.getMessage() == null ? status.reasonText() : bad.getMessage());
        }
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
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
            socket.exceptionHandler(e -> refuseBadFrame(socket, e));
            // Vert.x decodes text leniently (bad bytes become U+FFFD); the protocol says close with 1007.
            // Clients send small single-frame messages, so a frame is checked on its own.
            socket.handler(data -> {
                if (!isUtf8(data.getBytes()) && !socket.isClosed()) {
                    socket.close((short) WebSocketCloseStatus.INVALID_PAYLOAD_DATA.code(), "text is not valid UTF-8");
                }
            });
            Runnable onClose = attach.apply(socket);
            socket.closeHandler(v -> {
                open.decrementAndGet();
                perClient.closed(address);
                onClose.run();
            });
        });
    }
}
