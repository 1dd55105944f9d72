package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.support.TestServer;

/** What the HTTP layer answers to requests it cannot route, over raw sockets so nothing is tidied first. */
@DisplayName("The HTTP layer's own refusals")
class HttpEdgesTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(config -> config.withServer(new LuotConfig.Server(config.server().port(),
                config.server().publicUrl(), config.server().maxBodyBytes(), config.server().maxSocketsPerClient(),
                Duration.ofSeconds(2), Duration.ofSeconds(60), config.server().trustedProxies())));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Answer(int status, String contentType, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }
    }

    private static Answer raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = all.substring(0, split);
            String contentType = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).trim()).findFirst().orElse("");
            return new Answer(Integer.parseInt(head.substring(9, 12)), contentType, all.substring(split + 4));
        }
    }

    @Test
    @DisplayName("A malformed path gets a JSON 400, not a stack trace")
    void malformedPath() throws IOException {
        Answer a = raw("POST /api/v1/tickets/%/cancel HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.contentType()).startsWith("application/json");
        assertThat(a.json().getString("error")).isNotBlank();
        assertThat(a.json().getString("message")).isNotBlank().doesNotContain("Exception");
    }

    @Test
    @DisplayName("A request line that is too long gets a JSON 414")
    void uriTooLong() throws IOException {
        Answer a = raw("GET /api/v1/sites?x=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(a.status()).isEqualTo(414);
        assertThat(a.json().getString("error")).isEqualTo("uri_too_long");
    }

    @Test
    @DisplayName("Headers that are too large get a JSON 431")
    void headersTooLarge() throws IOException {
        Answer a = raw("GET /api/v1/sites HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");

        assertThat(a.status()).isEqualTo(431);
        assertThat(a.json().getString("error")).isEqualTo("headers_too_large");
    }

    @Test
    @DisplayName("Something that is not HTTP gets a JSON 400")
    void notHttp() throws IOException {
        Answer a = raw("HELLO THERE\r\n\r\n");

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().getString("error")).isEqualTo("malformed_request");
    }

    @Test
    @DisplayName("A client that never finishes its headers is disconnected after the header timeout")
    void slowHeadersAreCut() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write("GET /api/v1/sites HTTP/1.1\r\nHost: x\r\nX-Slow: a".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();

            assertThat(in.read()).as("the server closed the connection").isEqualTo(-1);
        }
    }
}
