package vn.luot.core.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import vn.luot.core.support.ApiClient;

/** Runs an export through the API as the reports page does: start it, follow it until done, download it. */
final class Exports {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A downloaded file, and how the job ended. */
    record Download(JsonObject job, String contentType, byte[] body) {
    }

    private Exports() {
    }

    static JsonObject start(ApiClient api, String token, JsonObject request) {
        ApiClient.Response r = api.post("/api/v1/reports/exports", request, "Authorization", "Bearer " + token);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json();
    }

    /** Follows the job until it is no longer running (up to a generous limit: the machine is shared). */
    static JsonObject awaitDone(ApiClient api, String token, String id, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            JsonObject job = api.get("/api/v1/reports/exports/" + id, "Authorization", "Bearer " + token).json();
            if (!"running".equals(job.getString("state"))) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the export did not finish within " + limit + ": " + job.encode());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static Download run(ApiClient api, String token, JsonObject request) {
        JsonObject job = awaitDone(api, token, start(api, token, request).getString("id"), Duration.ofMinutes(3));
        assertThat(job.getString("state")).as(job.encode()).isEqualTo("done");
        return download(api, token, job);
    }

    static Download download(ApiClient api, String token, JsonObject job) {
        try {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + job.getString("file")))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            return new Download(job, r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
