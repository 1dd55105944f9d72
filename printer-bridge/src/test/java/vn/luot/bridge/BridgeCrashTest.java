package vn.luot.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luot.bridge.config.BridgeConfig;
import vn.luot.bridge.support.Bridges;
import vn.luot.bridge.support.FakePrinter;
import vn.luot.bridge.support.PrintedTicket;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.TestServer;

/**
 * The bridge as its own process, stopped dead at the worst moments: by a crash point where the process
 * halts with no clean-up (as a power cut would), or by kill -9 from the test.
 */
@DisplayName("A bridge process that dies and restarts prints each ticket once")
class BridgeCrashTest {
    private static TestServer server;
    private Process bridge;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void killBridge() throws InterruptedException {
        if (bridge != null && bridge.isAlive()) {
            bridge.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String token(String printerId) {
        Response r = server.api().post("/api/v1/printers/" + printerId + "/token", null,
                TestServer.bearer(server.adminToken()));
        assertThat(r.status()).isEqualTo(201);
        return r.json().getString("token");
    }

    private static JsonObject ticket(String printerId) {
        return server.issue(new JsonObject().put("serviceId", "ho-tich").put("siteId", "hac-thanh")
                .put("printerId", printerId));
    }

    private static Path config(Path dir, String printerId, FakePrinter printer, BridgeConfig.TextMode text) {
        return Bridges.configFile(dir, "http://localhost:" + server.port(), printerId, token(printerId),
                printer.port(), text);
    }

    private static long jobs(String ticketId, String condition) {
        return server.count("SELECT count(*) FROM print_jobs WHERE ticket_id = '" + ticketId + "' AND " + condition);
    }

    private void awaitExit() throws InterruptedException {
        assertThat(bridge.waitFor(60, TimeUnit.SECONDS)).as("the bridge halted").isTrue();
        assertThat(bridge.exitValue()).isEqualTo(137);
    }

    private static long journalFiles(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir.resolve("journal"))) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        }
    }

    @Test
    @DisplayName("Killed between writing a job to disk and acknowledging it, the bridge prints it once after the restart")
    void diesAfterJournalBeforeAcknowledging(@TempDir Path dir) throws Exception {
        try (FakePrinter printer = FakePrinter.start()) {
            Path config = config(dir, "kiosk-1", printer, BridgeConfig.TextMode.RASTER);
            bridge = Bridges.process(config, CrashPoint.JOB_JOURNALED);
            FakePrinter.await("the bridge reports the printer", () -> "online".equals(
                    server.api().get("/api/v1/printers/kiosk-1").json().getString("state")));
            JsonObject issued = ticket("kiosk-1");

            awaitExit();
            assertThat(journalFiles(dir)).isEqualTo(1);
            assertThat(jobs(issued.getString("id"), "received_at IS NULL")).as("never acknowledged").isEqualTo(1);
            assertThat(printer.printed()).isEmpty();

            bridge = Bridges.process(config, null);
            FakePrinter.await("printed and reported", () -> jobs(issued.getString("id"), "outcome = 'printed'") == 1);
            assertThat(printer.printed()).extracting(PrintedTicket::largestText).containsExactly(issued.getString("number"));
        }
    }

    @Test
    @DisplayName("Killed as a job arrives, before anything is on disk, the bridge gets it again from the core and prints it once")
    void diesBeforeTheJobIsOnDisk(@TempDir Path dir) throws Exception {
        try (FakePrinter printer = FakePrinter.start()) {
            Path config = config(dir, "kiosk-2", printer, BridgeConfig.TextMode.RASTER);
            bridge = Bridges.process(config, CrashPoint.JOB_ARRIVED);
            FakePrinter.await("the bridge reports the printer", () -> "online".equals(
                    server.api().get("/api/v1/printers/kiosk-2").json().getString("state")));
            JsonObject issued = server.issue(new JsonObject().put("serviceId", "dat-dai").put("siteId", "tinh")
                    .put("printerId", "kiosk-2"));

            awaitExit();
            assertThat(journalFiles(dir)).isZero();

            bridge = Bridges.process(config, null);
            FakePrinter.await("printed and reported", () -> jobs(issued.getString("id"), "outcome = 'printed'") == 1);
            assertThat(printer.printed()).extracting(PrintedTicket::largestText).containsExactly(issued.getString("number"));
        }
    }

    @Test
    @DisplayName("Killed with kill -9 after acknowledging a job it could not print yet, the bridge prints it once after the restart")
    void killedWhileThePrinterIsOut(@TempDir Path dir) throws Exception {
        try (FakePrinter printer = FakePrinter.start()) {
            printer.paperOut(true);
            Path config = config(dir, "desk-hac-thanh", printer, BridgeConfig.TextMode.RASTER);
            bridge = Bridges.process(config, null);
            JsonObject issued = ticket("desk-hac-thanh");
            FakePrinter.await("the bridge has it on disk", () -> jobs(issued.getString("id"), "received_at IS NOT NULL") == 1);

            bridge.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            printer.paperOut(false);
            assertThat(printer.printed()).isEmpty();

            bridge = Bridges.process(config, null);
            FakePrinter.await("printed and reported", () -> jobs(issued.getString("id"), "outcome = 'printed'") == 1);
            assertThat(printer.printed()).extracting(PrintedTicket::largestText).containsExactly(issued.getString("number"));
        }
    }

    @Test
    @DisplayName("Killed after the printer took a ticket but before recording it, the bridge prints it again marked as a reprint rather than lose it")
    void diesAfterSendingBeforeRecording(@TempDir Path dir) throws Exception {
        Charset cp1258 = Charset.forName("windows-1258");
        try (FakePrinter printer = FakePrinter.start(cp1258)) {
            Path config = config(dir, "desk-tinh", printer, BridgeConfig.TextMode.CP1258);
            bridge = Bridges.process(config, CrashPoint.TICKET_SENT);
            JsonObject issued = server.issue(new JsonObject().put("serviceId", "chung-thuc").put("siteId", "tinh")
                    .put("printerId", "desk-tinh"));

            awaitExit();
            assertThat(printer.printed()).hasSize(1);

            bridge = Bridges.process(config, null);
            FakePrinter.await("printed and reported", () -> jobs(issued.getString("id"), "outcome = 'printed'") == 1);
            assertThat(printer.printed()).extracting(PrintedTicket::largestText)
                    .containsExactly(issued.getString("number"), issued.getString("number"));
            assertThat(Normalizer.normalize(printer.printed().get(0).allText(), Normalizer.Form.NFC)).doesNotContain("BẢN IN LẠI");
            assertThat(Normalizer.normalize(printer.printed().get(1).allText(), Normalizer.Form.NFC)).contains("BẢN IN LẠI · Reprint");
        }
    }
}
