package vn.luot.core.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ServerPerClassTest;

/** Hostile frames on a hall socket, written byte by byte so that no client library tidies them first. */
@DisplayName("WebSocket frames the server refuses")
class SocketFramesTest extends ServerPerClassTest {

    private record Close(int code, String reason) {
    }

    @Test
    @DisplayName("A frame over the size limit closes the socket with 1009 and a reason")
    void tooBig() throws IOException {
        byte[] payload = new byte[5000];
        Arrays.fill(payload, (byte) 'a');

        Close close = sendAndAwaitClose(payload);

        assertThat(close.code()).isEqualTo(1009);
        assertThat(close.reason()).isNotBlank();
    }

    @Test
    @DisplayName("A text frame that is not UTF-8 closes the socket with 1007 and a reason")
    void invalidUtf8() throws IOException {
        Close close = sendAndAwaitClose(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});

        assertThat(close.code()).isEqualTo(1007);
        assertThat(close.reason()).isNotBlank();
    }

    /** Reads frames (snapshot, heartbeats) until a close frame, the end of the stream, or 40 s. */
    private Close sendAndAwaitClose(byte[] text) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(40_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ws/sites/hac-thanh HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            skipHead(in);
            out.write(maskedTextFrame(text));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            try {
                while (System.nanoTime() < deadline) {
                    int first = in.readUnsignedByte();
                    int length = in.readUnsignedByte() & 0x7f;
                    if (length == 126) {
                        length = in.readUnsignedShort();
                    } else if (length == 127) {
                        length = (int) in.readLong();
                    }
                    byte[] body = in.readNBytes(length);
                    if ((first & 0x0f) == 0x8) {
                        int code = body.length >= 2 ? ((body[0] & 0xff) << 8) | (body[1] & 0xff) : -1;
                        return new Close(code, new String(body, 2, Math.max(0, body.length - 2), StandardCharsets.UTF_8));
                    }
                }
            } catch (EOFException e) {
                return new Close(-1, "the connection was dropped without a close frame");
            }
            return new Close(-2, "no close within 40 s");
        }
    }

    private static void skipHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the upgrade");
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    private static byte[] maskedTextFrame(byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        }
        byte[] mask = {1, 2, 3, 4};
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        return frame.toByteArray();
    }
}
