package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
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
