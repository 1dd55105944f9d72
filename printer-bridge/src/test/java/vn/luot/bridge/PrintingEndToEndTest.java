package vn.luot.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luot.bridge.config.BridgeConfig;
import vn.luot.bridge.support.Bridges;
import vn.luot.bridge.support.EscPosReader;
import vn.luot.bridge.support.FakePrinter;
import vn.luot.bridge.support.PrintedTicket;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.TestServer;

@DisplayName("Tickets from the core printed by the bridge on a fake network printer")
class PrintingEndToEndTest {
    /** A fresh server and database per test: each test's printer starts with no jobs left by another. */
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String token(String printerId) {
        Response r = server.api().post("/api/v1/printers/" + printerId + "/token", null,
                TestServer.bearer(server.adminToken()));
        assertThat(r.status()).isEqualTo(201);
        return r.json().getString("token");
    }

    private JsonObject ticket(String printerId, String serviceId) {
        return server.issue(new JsonObject().put("serviceId", serviceId).put("siteId", "hac-thanh")
                .put("printerId", printerId));
    }

    private String coreUrl() {
        return "http://localhost:" + server.port();
    }

    private long printedJobs(String printerId) {
        return server.count("SELECT count(*) FROM print_jobs WHERE printer_id = '" + printerId
                + "' AND outcome = 'printed'");
    }

    private String printerState(String printerId) {
        return server.api().get("/api/v1/printers/" + printerId).json().getString("state");
    }

    @Test
    @DisplayName("A ticket prints with its number in the largest size, the tracking link in its QR code, and a cut")
    void ticketContent(@TempDir Path dir) {
        FakePrinter printer = FakePrinter.start();
        Bridges.InProcess bridge = new Bridges.InProcess(Bridges.tcp(coreUrl(), "kiosk-1", token("kiosk-1"), printer.port(),
                dir.resolve("journal"), BridgeConfig.TextMode.RASTER));
        try (printer; bridge) {
            JsonObject issued = ticket("kiosk-1", "ho-tich");

            FakePrinter.await("the ticket is printed", () -> printer.printed().size() == 1);
            PrintedTicket printed = printer.printed().get(0);
            assertThat(printed.largestText()).isEqualTo(issued.getString("number"));
            assertThat(printed.largestMagnification()).isEqualTo(8);
            assertThat(printed.qrPayloads()).containsExactly(issued.getString("trackingUrl"));
            assertThat(printed.images()).as("Vietnamese text goes as raster images").isGreaterThanOrEqualTo(3);
            assertThat(printed.cut()).isEqualTo(49);
            FakePrinter.await("the core records it printed", () -> server.count("SELECT count(*) FROM print_jobs "
                    + "WHERE ticket_id = '" + issued.getString("id") + "' AND outcome = 'printed'") == 1);
            FakePrinter.await("the kiosk sees the printer online", () -> "online".equals(printerState("kiosk-1")));
        }
    }

    @Test
    @DisplayName("In code page 1258 mode the Vietnamese words reach the printer as CP1258 characters that read back exactly")
    void codePage1258(@TempDir Path dir) {
        Charset cp1258 = Charset.forName("windows-1258");
        FakePrinter printer = FakePrinter.start(cp1258);
        Bridges.InProcess bridge = new Bridges.InProcess(Bridges.tcp(coreUrl(), "kiosk-2", token("kiosk-2"), printer.port(),
                dir.resolve("journal"), BridgeConfig.TextMode.CP1258));
        try (printer; bridge) {
            JsonObject issued = server.issue(new JsonObject().put("serviceId", "ho-tro-truc-tuyen").put("siteId", "tinh")
                    .put("priority", "elderly").put("printerId", "kiosk-2"));

            FakePrinter.await("the ticket is printed", () -> printer.printed().size() == 1);
            PrintedTicket printed = printer.printed().get(0);
            String text = Normalizer.normalize(printed.allText(), Normalizer.Form.NFC);
            assertThat(printed.codeTable()).isEqualTo(52);
            assertThat(printed.images()).isZero();
            assertThat(text).contains("Hỗ trợ dịch vụ công trực tuyến, VNeID")
                    .contains("Điểm tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh")
                    .contains("Ưu tiên: Người cao tuổi")
                    .contains("Số người đang chờ phía trước: ")
                    .contains("Ngày 26/11/2026, lúc 08:30")
                    .doesNotContain("?");
            assertThat(printed.largestText()).isEqualTo(issued.getString("number"));
            assertThat(printed.qrPayloads()).containsExactly(issued.getString("trackingUrl"));
        }
    }

    @Test
    @DisplayName("A printer switched off mid-run and on again prints every ticket exactly once, and shows offline meanwhile")
    void printerOffAndOnAgain(@TempDir Path dir) {
        FakePrinter printer = FakePrinter.start();
        Bridges.InProcess bridge = new Bridges.InProcess(Bridges.tcp(coreUrl(), "desk-hac-thanh", token("desk-hac-thanh"),
                printer.port(), dir.resolve("journal"), BridgeConfig.TextMode.RASTER));
        try (printer; bridge) {
            printer.stopAfterTickets(3);
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                numbers.add(ticket("desk-hac-thanh", "chung-thuc").getString("number"));
            }
            FakePrinter.await("the printer switches itself off after 3 tickets", () -> !printer.running());
            FakePrinter.await("the kiosk sees it offline", () -> "offline".equals(printerState("desk-hac-thanh")));
            for (int i = 0; i < 4; i++) {
                numbers.add(ticket("desk-hac-thanh", "chung-thuc").getString("number"));
            }
            assertThat(printer.printed()).hasSize(3);

            printer.restart();

            FakePrinter.await("all ten are printed", () -> printer.printed().size() >= 10
                    && printedJobs("desk-hac-thanh") == 10);
            assertThat(printer.printed().stream().map(PrintedTicket::largestText).toList())
                    .containsExactlyElementsOf(numbers);
            FakePrinter.await("online again", () -> "online".equals(printerState("desk-hac-thanh")));
        }
    }

    @Test
    @DisplayName("A connection broken in the middle of a ticket leaves no cut ticket; the bridge prints it again, once, complete")
    void connectionBrokenMidTicket(@TempDir Path dir) {
        FakePrinter printer = FakePrinter.start();
        Bridges.InProcess bridge = new Bridges.InProcess(Bridges.tcp(coreUrl(), "desk-tinh", token("desk-tinh"),
                printer.port(), dir.resolve("journal"), BridgeConfig.TextMode.RASTER));
        try (printer; bridge) {
            printer.dropConnectionAfterBytes(2_000);
            String number = server.issue(new JsonObject().put("serviceId", "dat-dai").put("siteId", "tinh")
                    .put("printerId", "desk-tinh")).getString("number");

            FakePrinter.await("the ticket is printed after a partial print", () -> printer.printed().size() == 1
                    && printer.partialTickets() == 1 && server.count("SELECT count(*) FROM print_jobs WHERE printer_id = 'desk-tinh' "
                    + "AND outcome = 'printed'") == 1);
            assertThat(printer.printed().get(0).largestText()).isEqualTo(number);
        }
    }

    @Test
    @DisplayName("Paper out is read from the printer (DLE EOT), shown to the kiosk, and the ticket prints once paper is back")
    void paperOut(@TempDir Path dir) {
        FakePrinter printer = FakePrinter.start();
        Bridges.InProcess bridge = new Bridges.InProcess(Bridges.tcp(coreUrl(), "kiosk-1", token("kiosk-1"), printer.port(),
                dir.resolve("journal-" + UUID.randomUUID()), BridgeConfig.TextMode.RASTER));
        try (printer; bridge) {
            printer.paperNearEnd(true);
            FakePrinter.await("paper near its end is reported", () -> "paper_near_end".equals(printerState("kiosk-1")));
            printer.paperOut(true);
            FakePrinter.await("paper out is reported", () -> "paper_out".equals(printerState("kiosk-1")));
            int before = printer.printed().size();
            JsonObject issued = ticket("kiosk-1", "tra-ket-qua");
            String number = issued.getString("number");

            FakePrinter.await("the job reaches the bridge", () -> server.count("SELECT count(*) FROM print_jobs "
                    + "WHERE ticket_id = '" + issued.getString("id") + "' AND received_at IS NOT NULL "
                    + "AND finished_at IS NULL") == 1);
            assertThat(printer.printed()).hasSize(before);

            printer.paperOut(false);
            printer.paperNearEnd(false);
            FakePrinter.await("it prints", () -> printer.printed().size() == before + 1);
            assertThat(printer.printed().get(before).largestText()).isEqualTo(number);
            FakePrinter.await("online", () -> "online".equals(printerState("kiosk-1")));
        }
    }

    @Test
    @DisplayName("The plain-file transport appends each ticket's ESC/POS bytes to the file, for trying the bridge without a printer")
    void plainFileTransport(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tickets.bin");
        BridgeConfig tcp = Bridges.tcp(coreUrl(), "kiosk-1", token("kiosk-1"), 0, dir.resolve("journal"),
                BridgeConfig.TextMode.RASTER);
        BridgeConfig config = new BridgeConfig(tcp.coreUrl(), tcp.printerId(), tcp.token(),
                new BridgeConfig.Printer(BridgeConfig.Transport.FILE, null, 0, file, BridgeConfig.TextMode.RASTER, 52,
                        576, false, tcp.printer().connectTimeout(), tcp.printer().statusTimeout()),
                tcp.journal(), tcp.retry(), tcp.statusEvery());
        Bridges.InProcess bridge = new Bridges.InProcess(config);
        try (bridge) {
            JsonObject first = ticket("kiosk-1", "chung-thuc");
            JsonObject second = ticket("kiosk-1", "tra-ket-qua");

            FakePrinter.await("both are in the file", () -> java.nio.file.Files.exists(file) && EscPosReader.tickets(
                    EscPosReader.readAll(readAll(file)), null).size() == 2);
            assertThat(EscPosReader.tickets(EscPosReader.readAll(readAll(file)), null))
                    .extracting(PrintedTicket::largestText)
                    .containsExactly(first.getString("number"), second.getString("number"));
            // The bytes reach the file before the bridge's report reaches the core: closing the bridge
            // now would leave the core waiting for a report that the next bridge cannot give.
            FakePrinter.await("the core records both printed", () -> printedJobs("kiosk-1") == 2);
        }
    }

    private static byte[] readAll(Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
