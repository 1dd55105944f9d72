package vn.luot.core.live;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import java.nio.charset.StandardCharsets;
import vn.luot.core.metrics.FanOutMeter;

/**
 * One live message, turned into its UTF-8 bytes once, however many sockets it goes to.
 *
 * <p>{@link ServerWebSocket#writeTextMessage(String)} encodes the text again for every socket. Vert.x 5
 * has no public way to write a text frame from bytes already encoded ({@code WebSocketFrame.textFrame}
 * takes a String and copies it too; {@code binaryFrame} takes a Buffer but would change the protocol), so
 * each socket gets a frame of its own built on the same byte array with Vert.x's frame class, exactly as
 * {@code writeTextMessage} builds it after its own encoding: Netty wraps the array without copying, with
 * its own read position per socket, so the sockets never disturb one another. What remains per socket is
 * what cannot be shared: the frame header, the copy into the socket's buffer and the system call.
 *
 * <p>A message larger than one frame (a snapshot of a busy hall can be) goes through
 * {@code writeTextMessage}, which splits it into frames of the server's size.
 */
public final class EncodedMessage {
    /**
     * The largest WebSocket frame the server accepts, and the largest it sends in one piece (Vert.x splits
     * a longer message into frames of the server's size).
     */
    public static final int MAX_FRAME_BYTES = 4096;
    private final String text;
    private final byte[] utf8;
    private final FanOutMeter meter;

    private EncodedMessage(String text, FanOutMeter meter) {
        this.text = text;
        this.utf8 = text.getBytes(StandardCharsets.UTF_8);
        this.meter = meter;
    }

    /** Encodes the message; counted, so a test can see one encoding per event whatever the subscribers. */
    static EncodedMessage of(String text, FanOutMeter meter) {
        meter.encoded();
        return new EncodedMessage(text, meter);
    }

    String text() {
        return text;
    }

    int size() {
        return utf8.length;
    }

    void writeTo(ServerWebSocket socket) {
        meter.written();
        if (utf8.length > MAX_FRAME_BYTES) {
            socket.writeTextMessage(text);
        } else {
            socket.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, utf8, true));
        }
    }
}
