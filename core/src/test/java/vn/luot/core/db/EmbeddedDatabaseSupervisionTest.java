package vn.luot.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.MutableClock;
import vn.luot.core.support.TestServer;

@DisplayName("The embedded PostgreSQL is supervised")
class EmbeddedDatabaseSupervisionTest {
    @TempDir
    Path dataDir;

    @Test
    @DisplayName("After its main process is killed, it is started again and the server answers again by itself, with nothing acknowledged lost")
    void recoversFromAKilledPostmaster() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
             TestServer server = TestServer.start(UnaryOperator.identity(), database.url(), MutableClock.workingMorning())) {
            JsonObject before = server.issue("hac-thanh", "chung-thuc");
            ProcessHandle postmaster = database.postmaster().orElseThrow();

            long killedAt = System.nanoTime();
            postmaster.destroyForcibly();   // SIGKILL, as the OOM killer or kill -9 would
            postmaster.onExit().get();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> server.api().get("/health").status() == 200);
            long recoveredMs = (System.nanoTime() - killedAt) / 1_000_000;
            Response after = server.api().post("/api/v1/tickets",
                    new JsonObject().put("siteId", "hac-thanh").put("serviceId", "chung-thuc"));

            System.out.printf("EmbeddedDatabaseSupervisionTest: healthy again %d ms after the postmaster was killed%n",
                    recoveredMs);
            assertThat(database.postmaster().orElseThrow().pid()).isNotEqualTo(postmaster.pid());
            assertThat(after.status()).isEqualTo(201);
            assertThat(server.api().get("/api/v1/tickets/" + before.getString("id")).status()).isEqualTo(200);
            // PostgreSQL's crash recovery may skip ahead in a sequence (it logs them 32 at a time): a gap in
            // the day's numbers, never a number given twice.
            assertThat(after.json().getString("number")).matches("A\\d{3}").isNotEqualTo(before.getString("number"));
        }
    }
}
