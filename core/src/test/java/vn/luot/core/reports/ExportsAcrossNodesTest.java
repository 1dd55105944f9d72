package vn.luot.core.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.support.TestServer.bearer;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.luot.core.support.ApiClient;
import vn.luot.core.support.MutableClock;
import vn.luot.core.support.TestDatabase;
import vn.luot.core.support.TestServer;

/**
 * Two nodes on one database, as behind a load balancer: the reports page may reach either at each
 * request, so an export's job and its file live in PostgreSQL, not in the memory or the temporary folder
 * of the node that wrote it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Report exports shared by the nodes of one database")
class ExportsAcrossNodesTest {
    private static final String ONE_DAY = YearOfTickets.FIRST_DAY;
    private String database;
    private TestServer first;
    private TestServer second;
    private String manager;

    @BeforeAll
    void twoNodesOverAYear() {
        database = TestDatabase.fresh();
        first = TestServer.start(UnaryOperator.identity(), database, MutableClock.workingMorning());
        second = TestServer.start(UnaryOperator.identity(), database, MutableClock.workingMorning());
        YearOfTickets.insert(database);
        manager = first.newStaff("manager");
    }

    @AfterAll
    void stop() {
        for (TestServer server : new TestServer[] {first, second}) {
            if (server != null) {
                server.close();
            }
        }
    }

    private static JsonObject tickets(String format, String from, String to) {
        return new JsonObject().put("kind", "tickets").put("format", format).put("from", from).put("to", to)
                .put("lang", "vi");
    }

    @Test
    @DisplayName("An export started through one node is followed and downloaded through the other, byte for byte the same file")
    void followedThroughTheOtherNode() {
        JsonObject started = Exports.start(first.api(), manager, tickets("csv", ONE_DAY, ONE_DAY));
        JsonObject done = Exports.awaitDone(second.api(), manager, started.getString("id"), Duration.ofMinutes(3));
        assertThat(done.getString("state")).as(done.encode()).isEqualTo("done");
        assertThat(done.getLong("rowsWritten")).isEqualTo(200);

        Exports.Download fromSecond = Exports.download(second.api(), manager, done);
        List<String> lines = new String(fromSecond.body(), StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines).hasSize(201);
        assertThat(lines.get(1)).startsWith("A000," + ONE_DAY + ",");
        assertThat(fromSecond.contentType()).startsWith("text/csv");
        assertThat(Exports.download(first.api(), manager, done).body()).isEqualTo(fromSecond.body());
    }

    @Test
    @DisplayName("A file of several parts (a year as XLSX) comes back whole, with its length announced")
    void severalPartsComeBackWhole() {
        Exports.Download file = Exports.run(first.api(), manager, tickets("xlsx", YearOfTickets.FIRST_DAY,
                YearOfTickets.LAST_DAY));
        String id = file.job().getString("id");
        long parts = TestDatabase.count(database, "SELECT count(*) FROM report_export_parts WHERE export_id = '" + id + "'");
        assertThat(parts).isGreaterThan(1);
        assertThat(file.body()).startsWith('P', 'K');
        assertThat(TestDatabase.count(database, "SELECT file_bytes FROM report_exports WHERE id = '" + id + "'"))
                .isEqualTo(file.body().length);
        assertThat(Exports.download(second.api(), manager, file.job()).body()).isEqualTo(file.body());
    }

    @Test
    @DisplayName("An export whose node stops while writing it reads as failed on the other node, and its file is a 409")
    void stoppedNodeFailsItsExports() {
        TestServer leaving = TestServer.start(UnaryOperator.identity(), database, MutableClock.workingMorning());
        JsonObject started;
        try {
            started = Exports.start(leaving.api(), manager, tickets("xlsx", YearOfTickets.FIRST_DAY,
                    YearOfTickets.LAST_DAY));
        } finally {
            leaving.close();
        }
        assertThat(temporaryFiles(started.getString("id"))).as("the stopped node's temporary file").isEmpty();
        JsonObject job = second.api().get("/api/v1/reports/exports/" + started.getString("id"), bearer(manager)).json();
        assertThat(job.getString("state")).as(job.encode()).isEqualTo("failed");
        ApiClient.Response file = second.api().get(job.getString("file"), bearer(manager));
        assertThat(file.status()).isEqualTo(409);
        assertThat(file.error()).isEqualTo("export_not_ready");
        assertThat(TestDatabase.count(database, "SELECT count(*) FROM report_export_parts WHERE export_id = '"
                + started.getString("id") + "'")).isZero();
    }

    @Test
    @DisplayName("An export left running by a killed node reads as running for a minute after its last touch, then as failed")
    void killedNodesExportFailsAfterAMinute() {
        Instant now = second.clock().instant();
        UUID touchedRecently = runningExportTouchedAt(now.minusSeconds(30));
        UUID abandoned = runningExportTouchedAt(now.minusSeconds(61));
        assertThat(state(touchedRecently)).isEqualTo("running");
        assertThat(state(abandoned)).isEqualTo("failed");
    }

    @Test
    @DisplayName("A retry with the same Idempotency-Key gets the same export; the key with another request is a 422 and starts nothing")
    void retriesGetTheSameExport() {
        String key = "export-" + UUID.randomUUID();
        JsonObject request = tickets("csv", ONE_DAY, ONE_DAY);
        ApiClient.Response once = first.api().post("/api/v1/reports/exports", request, "Authorization",
                "Bearer " + manager, "Idempotency-Key", key);
        ApiClient.Response again = second.api().post("/api/v1/reports/exports", request, "Authorization",
                "Bearer " + manager, "Idempotency-Key", key);
        assertThat(once.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().getString("id")).isEqualTo(once.json().getString("id"));

        long exports = TestDatabase.count(database, "SELECT count(*) FROM report_exports");
        ApiClient.Response other = first.api().post("/api/v1/reports/exports", tickets("xlsx", ONE_DAY, ONE_DAY),
                "Authorization", "Bearer " + manager, "Idempotency-Key", key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.error()).isEqualTo("idempotency_key_reused");
        assertThat(TestDatabase.count(database, "SELECT count(*) FROM report_exports")).isEqualTo(exports);
        assertThat(TestDatabase.count(database, "SELECT count(*) FROM report_exports WHERE idempotency_key = '"
                + key + "'")).isEqualTo(1);
    }

    @Test
    @DisplayName("An hour later an export is gone: its state is a 404, and the next start deletes it with its file")
    void exportsExpireAfterAnHour() {
        MutableClock clock = MutableClock.workingMorning();
        TestServer later = TestServer.start(UnaryOperator.identity(), database, clock);
        try {
            Exports.Download file = Exports.run(later.api(), manager, tickets("csv", ONE_DAY, ONE_DAY));
            String id = file.job().getString("id");
            clock.advance(Duration.ofMinutes(61));
            assertThat(later.api().get("/api/v1/reports/exports/" + id, bearer(manager)).error())
                    .isEqualTo("export_not_found");
            assertThat(later.api().get(file.job().getString("file"), bearer(manager)).status()).isEqualTo(404);
            Exports.start(later.api(), manager, tickets("csv", ONE_DAY, ONE_DAY));
            assertThat(TestDatabase.count(database, "SELECT count(*) FROM report_exports WHERE id = '" + id + "'")).isZero();
            assertThat(TestDatabase.count(database, "SELECT count(*) FROM report_export_parts WHERE export_id = '"
                    + id + "'")).isZero();
        } finally {
            later.close();
        }
    }

    /** The export's temporary file, wherever a node of this JVM may have written it. */
    private static List<Path> temporaryFiles(String exportId) {
        try (Stream<Path> folders = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return folders.filter(folder -> folder.getFileName().toString().startsWith("luot-exports"))
                    .map(folder -> folder.resolve(exportId + ".xlsx"))
                    .filter(Files::exists)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row a node killed while writing leaves behind: running, last touched at {@code touched}. */
    private UUID runningExportTouchedAt(Instant touched) {
        UUID id = UUID.randomUUID();
        TestDatabase.execute(database, "INSERT INTO report_exports (id, kind, format, file_name, state, rows_total, "
                + "rows_written, touched_at, expires_at, request_hash) VALUES ('" + id + "', 'tickets', 'csv', "
                + "'luot-tickets.csv', 'running', 100, 40, '" + touched + "', '" + touched.plus(Duration.ofHours(1))
                + "', 'h')");
        return id;
    }

    private String state(UUID id) {
        return second.api().get("/api/v1/reports/exports/" + id, bearer(manager)).json().getString("state");
    }
}
