package vn.luot.core.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A plain blocking HTTP client over real sockets, so tests read like the requests they make. */
public final class ApiClient {
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public record Response(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonObject json() {
            return new JsonObject(body);
        }

        public JsonArray array(String field) {
            return json().getJsonArray(field);
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String error() {
            return json().getString("error");
        }
    }

    public Response get(String path, String... headers) {
        return send(builder(path, headers).GET());
    }

    public Response post(String path, Object body, String... headers) {
        return postRaw(path, body == null ? "" : body.toString(), headers);
    }

    public Response postRaw(String path, String body, String... headers) {
        return send(builder(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, Object body, String... headers) {
        return send(builder(path, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Response send(String method, String path, String... headers) {
        return send(builder(path, headers).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder builder(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
