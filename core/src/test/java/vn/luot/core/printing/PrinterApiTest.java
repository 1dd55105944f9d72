package vn.luot.core.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.luot.core.support.Eventually.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.LiveSocket;
import vn.luot.core.support.TestServer;

@DisplayName("Print jobs, printer tokens and the printer WebSocket")
class PrinterApiTest {
    private static TestServer server;

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

    private static long jobs(String printerId) {
        return server.count("SELECT count(*) FROM print_jobs WHERE printer_id = '" + printerId + "'");
    }

    private static String issueToken(String printerId) {
        Response r = server.api().post("/api/v1/printers/" + printerId + "/token", null,
                TestServer.bearer(server.adminToken()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("token");
    }

    private static LiveSocket bridge(String printerId, String token) {
        return LiveSocket.open(server.wsUrl("/ws/printers/" + printerId), "Authorization", "Bearer " + token);
    }

    private static JsonObject kioskTicket(String printerId, String key) {
        Response r = server.api().post("/api/v1/tickets", new JsonObject().put("serviceId", "chung-thuc")
                .put("siteId", "hac-thanh").put("printerId", printerId), "Idempotency-Key", key);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    @DisplayName("A ticket that names a printer is answered at once and comes with exactly one print job holding all it prints")
    void ticketWithPrinterCreatesItsJob() {
        long before = jobs("desk-tinh");

        JsonObject ticket = server.issue(new JsonObject().put("serviceId", "ho-tich").put("siteId", "tinh")
                .put("priority", "elderly").put("channel", "desk").put("printerId", "desk-tinh"));

        assertThat(jobs("desk-tinh")).isEqualTo(before + 1);
        JsonObject payload = new JsonObject(TestDatabaseText.one(server,
                "SELECT payload::text FROM print_jobs WHERE ticket_id = '" + ticket.getString("id") + "'"));
        assertThat(payload.getString("number")).isEqualTo(ticket.getString("number"));
        assertThat(payload.getString("printerId")).isEqualTo("desk-tinh");
        assertThat(payload.getString("issuedAt")).isEqualTo(ticket.getString("issuedAt")).endsWith("+07:00");
        assertThat(payload.getString("trackingUrl")).isEqualTo(ticket.getString("trackingUrl"));
        assertThat(payload.getJsonObject("centre").getString("vi"))
                .isEqualTo("Trung tâm Phục vụ hành chính công phường Hạc Thành");
        assertThat(payload.getJsonObject("site").getJsonObject("name").getString("vi"))
                .isEqualTo("Điểm tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh");
        assertThat(payload.getJsonObject("service").getJsonObject("name").getString("en")).startsWith("Civil status");
        assertThat(payload.getJsonObject("priority").getJsonObject("name").getString("vi")).isEqualTo("Người cao tuổi");
        assertThat(payload.getInteger("position")).isEqualTo(ticket.getInteger("position"));
        assertThat(payload.containsKey("estimatedWaitMinutes")).isTrue();
    }

    @Test
    @DisplayName("A retried or double-tapped kiosk request with the same Idempotency-Key makes one ticket and one print job")
    void retryMakesNoSecondJob() {
        String key = UUID.randomUUID().toString();
        long before = jobs("kiosk-1");

        JsonObject first = kioskTicket("kiosk-1", key);
        JsonObject retry = kioskTicket("kiosk-1", key);

        assertThat(retry.getString("id")).isEqualTo(first.getString("id"));
        assertThat(jobs("kiosk-1")).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("An unknown printer is refused with 400 unknown_printer in both languages, and nothing is created")
    void unknownPrinterIsRefused() {
        long tickets = server.count("SELECT count(*) FROM tickets");
        long allJobs = server.count("SELECT count(*) FROM print_jobs");
        JsonObject body = new JsonObject().put("serviceId", "chung-thuc").put("siteId", "hac-thanh")
                .put("printerId", "kiosk-99");

        Response en = server.api().post("/api/v1/tickets", body);
        Response vi = server.api().post("/api/v1/tickets", body, "Accept-Language", "vi");

        assertThat(en.status()).isEqualTo(400);
        assertThat(en.error()).isEqualTo("unknown_printer");
        assertThat(en.json().getString("message")).isEqualTo("There is no printer 'kiosk-99'.");
        assertThat(vi.json().getString("message")).isEqualTo("Không có máy in 'kiosk-99'.");
        assertThat(server.count("SELECT count(*) FROM tickets")).isEqualTo(tickets);
        assertThat(server.count("SELECT count(*) FROM print_jobs")).isEqualTo(allJobs);
    }

    @Test
    @DisplayName("Only an admin issues a device token; it is shown once, only its hash is stored, and a new one revokes the old")
    void deviceTokens() {
        Response anonymous = server.api().post("/api/v1/printers/desk-hac-thanh/token", null);
        Response manager = server.api().post("/api/v1/printers/desk-hac-thanh/token", null,
                TestServer.bearer(server.newStaff("manager")));
        Response unknown = server.api().post("/api/v1/printers/nope/token", null,
                TestServer.bearer(server.adminToken()));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(manager.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error()).isEqualTo("printer_not_found");

        String first = issueToken("desk-hac-thanh");
        assertThat(first).startsWith("lpt_").hasSizeGreaterThan(40);
        assertThat(server.count("SELECT count(*) FROM printers WHERE token_hash = '" + first + "'")).isZero();
        try (LiveSocket accepted = bridge("desk-hac-thanh", first)) {
            assertThat(accepted.next().getString("type")).isEqualTo("hello");
        }

        String second = issueToken("desk-hac-thanh");
        assertThat(second).isNotEqualTo(first);
        Response old = server.api().get("/ws/printers/desk-hac-thanh", "Authorization", "Bearer " + first);
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.error()).isEqualTo("invalid_token");
        assertThatThrownBy(() -> bridge("desk-hac-thanh", first)).isInstanceOf(CompletionException.class);
    }

    @Test
    @DisplayName("A retried token request with the same Idempotency-Key issues no second token and says why")
    void tokenRetryIsRefused() {
        String key = UUID.randomUUID().toString();
        String[] headers = {"Authorization", "Bearer " + server.adminToken(), "Idempotency-Key", key};
        Response first = server.api().post("/api/v1/printers/desk-tinh/token", null, headers);
        Response retry = server.api().post("/api/v1/printers/desk-tinh/token", null, headers);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.error()).isEqualTo("printer_token_already_issued");
        try (LiveSocket stillValid = bridge("desk-tinh", first.json().getString("token"))) {
            assertThat(stillValid.next().getString("type")).isEqualTo("hello");
        }
    }

    @Test
    @DisplayName("Without a token, or for an unknown printer, the printer socket is refused before the upgrade")
    void socketNeedsAToken() {
        Response none = server.api().get("/ws/printers/kiosk-1");
        Response unknown = server.api().get("/ws/printers/kiosk-99", "Authorization", "Bearer lpt_x");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.error()).isEqualTo("missing_token");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error()).isEqualTo("printer_not_found");
    }

    @Test
    @DisplayName("A bridge gets every unfinished job on connecting and new ones at once; a reconnect resends only what is not printed")
    void jobsReachTheBridgeUntilPrinted() {
        String token = issueToken("kiosk-2");
        JsonObject waitingBefore = server.issue(new JsonObject().put("serviceId", "dat-dai").put("siteId", "tinh")
                .put("printerId", "kiosk-2"));
        String printedId;
        String receivedId;
        try (LiveSocket bridge = bridge("kiosk-2", token)) {
            JsonObject hello = bridge.next();
            assertThat(hello.getString("type")).isEqualTo("hello");
            assertThat(hello.getString("serviceDay")).isEqualTo("2026-11-26");
            JsonObject first = bridge.nextMatching(m -> "job".equals(m.getString("type")));
            assertThat(first.getJsonObject("job").getString("number")).isEqualTo(waitingBefore.getString("number"));
            printedId = first.getJsonObject("job").getString("jobId");

            JsonObject live = server.issue(new JsonObject().put("serviceId", "dat-dai").put("siteId", "tinh")
                    .put("printerId", "kiosk-2"));
            JsonObject second = bridge.nextMatching(m -> "job".equals(m.getString("type")));
            assertThat(second.getJsonObject("job").getString("number")).isEqualTo(live.getString("number"));
            receivedId = second.getJsonObject("job").getString("jobId");

            bridge.send(new JsonObject().put("type", "received").put("jobId", printedId));
            bridge.send(new JsonObject().put("type", "printed").put("jobId", printedId));
            bridge.send(new JsonObject().put("type", "received").put("jobId", receivedId));
            await("the core records both", () -> server.count("SELECT count(*) FROM print_jobs WHERE id = '"
                    + printedId + "' AND outcome = 'printed'") == 1 && server.count("SELECT count(*) FROM print_jobs "
                    + "WHERE id = '" + receivedId + "' AND received_at IS NOT NULL") == 1);
        }
        try (LiveSocket again = bridge("kiosk-2", token)) {
            again.next();
            JsonObject resent = again.nextMatching(m -> "job".equals(m.getString("type")));
            assertThat(resent.getJsonObject("job").getString("jobId")).isEqualTo(receivedId);
            again.send(new JsonObject().put("type", "printed").put("jobId", receivedId));
            await("the second job is printed", () -> server.count("SELECT count(*) FROM print_jobs WHERE id = '"
                    + receivedId + "' AND outcome = 'printed'") == 1);
            assertThat(again.drain()).noneMatch(m -> "job".equals(m.getString("type")));
        }
    }

    @Test
    @DisplayName("The kiosk sees the printer's state: offline without a bridge, what the bridge reports while it is connected")
    void printerStatusForKioskAndManager() {
        String token = issueToken("kiosk-1");
        assertThat(server.api().get("/api/v1/printers/kiosk-1").json().getString("state")).isEqualTo("offline");
        try (LiveSocket bridge = bridge("kiosk-1", token)) {
            bridge.next();
            bridge.send(new JsonObject().put("type", "status").put("state", "paper_out"));
            await("paper out is visible", () -> "paper_out".equals(
                    server.api().get("/api/v1/printers/kiosk-1").json().getString("state")));
            JsonObject publicView = server.api().get("/api/v1/printers/kiosk-1").json();
            assertThat(publicView.getBoolean("prints")).isFalse();
            assertThat(publicView.containsKey("pendingJobs")).isFalse();

            Response list = server.api().get("/api/v1/printers", TestServer.bearer(server.newStaff("manager")));
            assertThat(list.status()).isEqualTo(200);
            JsonObject kiosk = list.array("printers").stream().map(JsonObject.class::cast)
                    .filter(p -> p.getString("id").equals("kiosk-1")).findFirst().orElseThrow();
            assertThat(kiosk.getBoolean("bridgeConnected")).isTrue();
            assertThat(kiosk.getString("state")).isEqualTo("paper_out");
            assertThat(kiosk.getInteger("pendingJobs")).isNotNull();
            assertThat(list.array("printers")).hasSize(4);
        }
        await("the closed bridge makes it offline", () -> "offline".equals(
                server.api().get("/api/v1/printers/kiosk-1").json().getString("state")));
        assertThat(server.api().get("/api/v1/printers", TestServer.bearer(server.newStaff("operator"))).status())
                .isEqualTo(403);
    }

    @Test
    @DisplayName("A bridge that stays silent longer than the configured limit counts as offline")
    void silentBridgeIsOffline() {
        String token = issueToken("desk-hac-thanh");
        try (LiveSocket bridge = bridge("desk-hac-thanh", token)) {
            bridge.next();
            bridge.send(new JsonObject().put("type", "status").put("state", "online"));
            await("online", () -> "online".equals(
                    server.api().get("/api/v1/printers/desk-hac-thanh").json().getString("state")));
            server.clock().advance(Duration.ofSeconds(46));
            assertThat(server.api().get("/api/v1/printers/desk-hac-thanh").json().getString("state"))
                    .isEqualTo("offline");
            bridge.send(new JsonObject().put("type", "status").put("state", "online"));
            await("online again", () -> "online".equals(
                    server.api().get("/api/v1/printers/desk-hac-thanh").json().getString("state")));
        }
    }
}
