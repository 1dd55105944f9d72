package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.MutableClock;
import vn.luot.core.support.ServerPerClassTest;
import vn.luot.core.support.TestServer;

@DisplayName("Opening hours: no numbers outside them, except at the desk when a manager allows it")
class OpeningHoursApiTest extends ServerPerClassTest {
    private static final JsonObject KIOSK = new JsonObject().put("siteId", "hac-thanh").put("serviceId", "chung-thuc");
    private static final JsonObject DESK = KIOSK.copy().put("channel", "desk");

    private static void at(int hour, int minute) {
        server.clock().set(ZonedDateTime.of(2026, 11, 26, hour, minute, 0, 0, MutableClock.CENTRE).toInstant());
    }

    @AfterEach
    void morning() {
        at(8, 30);
    }

    private long tickets() {
        return server.count("SELECT count(*) FROM tickets");
    }

    @Test
    @DisplayName("At 01:37 a ticket is refused with 409 and the time the site opens, and nothing is stored")
    void refusedAtNight() {
        at(1, 37);
        long before = tickets();

        Response r = server.api().post("/api/v1/tickets", KIOSK, "Accept-Language", "vi");

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.error()).isEqualTo("outside_opening_hours");
        assertThat(r.json().getString("message")).isEqualTo("Trung tâm Phục vụ hành chính công phường Hạc Thành "
                + "đang ngoài giờ làm việc, chưa cấp số. Mở cửa lúc 07:00 26/11/2026; cấp số từ 06:30.");
        assertThat(tickets()).isEqualTo(before);
        JsonObject issuing = server.api().get("/api/v1/sites/hac-thanh/issuing").json();
        assertThat(issuing.getBoolean("open")).isFalse();
        assertThat(issuing.getString("opensAt")).isEqualTo("2026-11-26T07:00:00+07:00");
        assertThat(issuing.getString("issuingFrom")).isEqualTo("2026-11-26T06:30:00+07:00");
    }

    @Test
    @DisplayName("From 30 minutes before opening, early arrivals get numbers")
    void earlyWindow() {
        at(6, 35);

        assertThat(server.api().post("/api/v1/tickets", KIOSK).status()).isEqualTo(201);
        assertThat(server.api().get("/api/v1/kiosk/hac-thanh").json().getJsonObject("issuing").getBoolean("open")).isTrue();
    }

    @Test
    @DisplayName("A retry after closing of a request answered before closing gets its ticket back, not a refusal")
    void retryAfterClosingKeepsTheTicket() {
        at(16, 59);
        Response first = server.api().post("/api/v1/tickets", KIOSK, "Idempotency-Key", "late-citizen-1");
        at(17, 1);

        Response retry = server.api().post("/api/v1/tickets", KIOSK, "Idempotency-Key", "late-citizen-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().getString("id")).isEqualTo(first.json().getString("id"));
    }

    @Test
    @DisplayName("After hours the desk issues only once a manager allows it for the day; an operator cannot allow it; the kiosk stays closed")
    void deskAfterHours() {
        String operator = server.newStaff("operator");
        String manager = server.newStaff("manager");
        at(17, 30);

        Response refused = server.api().post("/api/v1/tickets", DESK, TestServer.bearer(operator));
        Response notAllowed = server.api().put("/api/v1/sites/hac-thanh/after-hours",
                new JsonObject().put("allowed", true), TestServer.bearer(operator));
        Response allowed = server.api().put("/api/v1/sites/hac-thanh/after-hours",
                new JsonObject().put("allowed", true), TestServer.bearer(manager));
        Response atDesk = server.api().post("/api/v1/tickets", DESK, TestServer.bearer(operator));
        Response atKiosk = server.api().post("/api/v1/tickets", KIOSK);
        Response deskWithoutLogin = server.api().post("/api/v1/tickets", DESK);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(notAllowed.status()).isEqualTo(403);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.json().getBoolean("deskAfterHoursAllowed")).isTrue();
        assertThat(atDesk.status()).isEqualTo(201);
        assertThat(atKiosk.status()).isEqualTo(409);
        assertThat(deskWithoutLogin.status()).isEqualTo(409);

        server.clock().set(ZonedDateTime.of(2026, 11, 27, 18, 0, 0, 0, MutableClock.CENTRE).toInstant());
        assertThat(server.api().post("/api/v1/tickets", DESK, TestServer.bearer(operator)).status())
                .as("the permission ended with its day").isEqualTo(409);
        assertThat(server.api().put("/api/v1/sites/hac-thanh/after-hours", new JsonObject().put("allowed", "yes"),
                TestServer.bearer(manager)).status()).isEqualTo(400);
    }
}
