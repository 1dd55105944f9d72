package vn.luot.core.printing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.LiveSocket;
import vn.luot.core.support.TestDatabase;
import vn.luot.core.support.TestServer;

@DisplayName("GET /api/v1/kiosk/{siteId} and old print jobs")
class KioskApiTest {
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

    private static JsonObject service(JsonObject kiosk, String serviceId) {
        return kiosk.getJsonArray("services").stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("serviceId").equals(serviceId)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("The kiosk sees each line here and at the other site, and which is much faster, with its display times")
    void comparison() {
        String operator = server.newStaff("operator");
        server.open(1, operator, "chung-thuc");
        server.open(21, server.newStaff("operator"), "chung-thuc");
        for (int i = 0; i < 8; i++) {
            server.issue("hac-thanh", "chung-thuc");
        }

        JsonObject kiosk = server.api().get("/api/v1/kiosk/hac-thanh").json();

        assertThat(kiosk.getInteger("numberShownSeconds")).isEqualTo(10);
        assertThat(kiosk.getInteger("numberShownWhenPrinterOutSeconds")).isEqualTo(30);
        JsonObject certification = service(kiosk, "chung-thuc");
        assertThat(certification.getJsonObject("here").getInteger("waiting")).isEqualTo(8);
        assertThat(certification.getJsonObject("here").getInteger("estimatedWaitMinutes")).isEqualTo(40);
        JsonObject tinh = certification.getJsonArray("elsewhere").getJsonObject(0);
        assertThat(tinh.getString("siteId")).isEqualTo("tinh");
        assertThat(tinh.getInteger("waiting")).isZero();
        assertThat(tinh.getInteger("estimatedWaitMinutes")).isZero();
        assertThat(tinh.getBoolean("muchFaster")).isTrue();
        assertThat(certification.getBoolean("elsewhereMuchFaster")).isTrue();
        assertThat(service(kiosk, "kinh-doanh").getJsonArray("elsewhere")).isEmpty();
        assertThat(server.api().get("/api/v1/kiosk/nowhere").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("A job of an earlier service day is not sent to a bridge any more: it is recorded as failed, expired")
    void earlierDaysJobsExpire() {
        JsonObject ticket = server.issue(new JsonObject().put("serviceId", "ho-tich").put("siteId", "tinh")
                .put("printerId", "desk-tinh"));
        LocalDate today = LocalDate.ofInstant(server.clock().instant(), ZoneId.of("Asia/Ho_Chi_Minh"));
        TestDatabase.execute(server.databaseUrl(), "UPDATE print_jobs SET created_at = '" + today.minusDays(1)
                + "T16:00:00+07:00' WHERE ticket_id = '" + ticket.getString("id") + "'");
        Response token = server.api().post("/api/v1/printers/desk-tinh/token", null,
                TestServer.bearer(server.adminToken()));

        try (LiveSocket bridge = LiveSocket.open(server.wsUrl("/ws/printers/desk-tinh"), "Authorization",
                "Bearer " + token.json().getString("token"))) {
            assertThat(bridge.next().getString("type")).isEqualTo("hello");
            assertThat(bridge.nextMatching(m -> "heartbeat".equals(m.getString("type")))).isNotNull();
            assertThat(server.count("SELECT count(*) FROM print_jobs WHERE ticket_id = '" + ticket.getString("id")
                    + "' AND outcome = 'failed' AND failure = 'expired'")).isEqualTo(1);
        }
    }
}
