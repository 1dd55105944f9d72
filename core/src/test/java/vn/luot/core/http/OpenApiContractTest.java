package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.ServerPerClassTest;

@DisplayName("GET /api/v1/openapi.yaml and the router agree")
class OpenApiContractTest extends ServerPerClassTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Test
    @DisplayName("Every route the router answers is in the OpenAPI document, and every documented operation is a route")
    void routesMatchTheDocument() throws Exception {
        Response r = server.api().get("/api/v1/openapi.yaml");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/yaml"));

        assertThat(routerOperations()).isEqualTo(documentedOperations(r.body()));
    }

    @Test
    @DisplayName("The document is OpenAPI 3 and every operation lists its responses")
    void documentIsComplete() throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(server.api().get("/api/v1/openapi.yaml").body());

        assertThat(spec.path("openapi").asText()).startsWith("3.");
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (HTTP_METHODS.contains(op.getKey())) {
                assertThat(op.getValue().path("responses").size()).as(op.getKey() + " " + path.getKey()).isPositive();
                assertThat(op.getValue().path("summary").asText()).as(op.getKey() + " " + path.getKey()).isNotBlank();
            }
        }));
    }

    @Test
    @DisplayName("A client asking to upgrade plain HTTP to HTTP/2 gets the whole document over HTTP/1.1, not a hang")
    void declinesTheHttp2Upgrade() throws IOException {
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/v1/openapi.yaml HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                    + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            String status = line(in);
            int length = -1;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring("content-length:".length()).trim());
                }
            }
            assertThat(status).startsWith("HTTP/1.1 200");
            assertThat(length).isPositive();
            byte[] body = new byte[length];
            in.readFully(body);
            assertThat(new String(body, StandardCharsets.UTF_8)).startsWith("openapi: 3.");
        }
    }

    private static String line(DataInputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed mid-line: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static Set<String> routerOperations() {
        Set<String> operations = new TreeSet<>();
        for (Route route : server.server().routes()) {
            String path = route.getPath();
            if (path == null || path.endsWith("*") || route.methods() == null) {
                continue; // body handler, static pages and the failure handler are not operations
            }
            String documented = path.replaceAll(":(\\w+)", "{$1}");
            for (HttpMethod method : route.methods()) {
                operations.add(method.name().toLowerCase(Locale.ROOT) + " " + documented);
            }
        }
        return operations;
    }

    private static Set<String> documentedOperations(String yaml) throws Exception {
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(yaml).path("paths");
        Set<String> operations = new TreeSet<>();
        Iterator<String> names = paths.fieldNames();
        while (names.hasNext()) {
            String path = names.next();
            paths.path(path).fieldNames().forEachRemaining(method -> {
                if (HTTP_METHODS.contains(method)) {
                    operations.add(method + " " + path);
                }
            });
        }
        return operations;
    }
}
