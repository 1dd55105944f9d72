package vn.luot.bench;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;

/** The few calls the bench makes to set a scene: log in, open counters, issue, call, complete, read metrics. */
final class Api {
    private final HttpClient client;
    private final String host;
    private final int port;
    private String token;

    Api(HttpClient client, String host, int port) {
        this.client = client;
        this.host = host;
        this.port = port;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    void login(String username, String password) {
        JsonObject body = send(HttpMethod.POST, "/api/v1/auth/login",
                new JsonObject().put("username", username).put("password", password)).await();
        token = body.getString("token");
    }

    JsonObject get(String path) {
        return send(HttpMethod.GET, path, null).await();
    }

    void openCounter(int counter, String... services) {
        send(HttpMethod.POST, "/api/v1/counters/" + counter + "/open",
                new JsonObject().put("services", new JsonArray(java.util.List.of(services))))
                .await();
    }

    /** Completes whatever ticket a counter still holds from an earlier run. */
    void freeCounter(int counter) {
        JsonObject state = get("/api/v1/counters/" + counter);
        if (state.getString("currentTicketId") != null) {
            send(HttpMethod.POST, "/api/v1/counters/" + counter + "/complete", new JsonObject())
                    .await();
        }
    }

    void issue(String siteId, String serviceId, int count) {
        for (int i = 0; i < count; i++) {
            send(HttpMethod.POST, "/api/v1/tickets", new JsonObject().put("siteId", siteId).put("serviceId", serviceId))
                    .await();
        }
    }

    /** One ticket, as its 201 answer (id, number, position). */
    JsonObject issueOne(String siteId, String serviceId) {
        return send(HttpMethod.POST, "/api/v1/tickets",
                new JsonObject().put("siteId", siteId).put("serviceId", serviceId)).await();
    }

    /** The called ticket, or null when nobody waits. */
    Future<JsonObject> callNext(int counter) {
        return send(HttpMethod.POST, "/api/v1/counters/" + counter + "/call-next", new JsonObject());
    }

    Future<JsonObject> complete(int counter, String ticketId) {
        return send(HttpMethod.POST, "/api/v1/counters/" + counter + "/complete",
                new JsonObject().put("ticketId", ticketId));
    }

    /** The server's Prometheus metrics, as text. */
    String metrics() {
        return client.request(new RequestOptions().setHost(host).setPort(port).setURI("/metrics"))
                .compose(r -> r.send().compose(resp -> resp.body()))
                .timeout(30, TimeUnit.SECONDS)
                .await().toString();
    }

    /** The server's heap in use, from its Prometheus metrics. */
    long heapUsedMegabytes() {
        String text = metrics();
        double bytes = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                bytes += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Math.round(bytes / 1024 / 1024);
    }

    private Future<JsonObject> send(HttpMethod method, String path, JsonObject body) {
        RequestOptions options = new RequestOptions().setMethod(method).setHost(host).setPort(port).setURI(path)
                .putHeader("Content-Type", "application/json")
                .setConnectTimeout(10_000)
                .setIdleTimeout(30_000);
        if (token != null) {
            options.putHeader("Authorization", "Bearer " + token);
        }
        // The body must be asked for in the same step as the response arrives: anything in between (a
        // timeout, a recover) may hand the response on later, after its body has gone by, and then it
        // never completes. So the timeout covers the whole exchange, at the end.
        return client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body.toBuffer()))
                .compose(response -> response.body().map(buffer -> {
                    if (response.statusCode() == 204) {
                        return null;
                    }
                    if (response.statusCode() >= 300) {
                        throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " "
                                + buffer);
                    }
                    return parse(buffer);
                }))
                .timeout(30, TimeUnit.SECONDS)
                .recover(e -> Future.failedFuture(new IllegalStateException(method + " " + path + ": " + e, e)));
    }

    private static JsonObject parse(Buffer buffer) {
        return buffer.length() == 0 ? new JsonObject() : new JsonObject(buffer);
    }
}
