package vn.luot.core.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.support.Eventually.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.domain.booking.MissedBooking;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.CapturedLogs;
import vn.luot.core.support.TestServer;

/**
 * Citizens' personal data: never in the logs (phones masked), and erased 30 days after its day by the
 * erasure job, keeping what the figures need. The clock starts on Thursday 26/11/2026 at 08:30.
 */
@DisplayName("Personal data: masked in logs, erased after 30 days")
class PersonalDataTest {
    private TestServer server;
    private CapturedLogs logs;

    @BeforeEach
    void start() {
        logs = CapturedLogs.of(org.slf4j.Logger.ROOT_LOGGER_NAME);
        server = TestServer.start(config -> config.withBooking(config.booking()
                .withMissed(MissedBooking.WALK_IN, Duration.ofMillis(300))));
    }

    @AfterEach
    void stop() {
        server.close();
        logs.close();
    }

    private String book(String slot) {
        Response r = server.api().post("/api/v1/bookings", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", "ho-tich").put("slotStart", slot).put("name", "Trần Thị Bình")
                .put("phone", "0912 345 678").put("procedure", "Đăng ký khai sinh"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("code");
    }

    @Test
    @DisplayName("Messages are logged with the phone masked as 09xx xxx 678, and no log line holds a name, phone or code")
    void logsAreMasked() {
        String code = book("2026-11-27T09:00:00+07:00");
        server.api().post("/api/v1/remote-tickets", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", "chung-thuc").put("phone", "0912345678"));
        server.api().post("/api/v1/bookings/cancel", new JsonObject().put("code", code).put("phone", "0912345678"));

        await("the messages were logged", () -> logs.messages().stream().filter(m -> m.contains("09xx xxx 678"))
                .count() >= 2);

        assertThat(logs.messages())
                .noneMatch(m -> m.contains("912345678") || m.contains("912 345 678") || m.contains(code)
                        || m.contains("Trần Thị Bình"));
    }

    @Test
    @DisplayName("30 days after its day a booking keeps its code, service, site, slot and status but loses name, phone "
            + "and note; tickets and messages lose the phone; later bookings keep theirs")
    void erasureAfterThirtyDays() {
        String old = book("2026-11-26T10:00:00+07:00");
        server.api().post("/api/v1/remote-tickets", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", "chung-thuc").put("phone", "0912345678"));
        await("the confirmation was sent", () -> server.count(
                "SELECT count(*) FROM notification_outbox WHERE status = 'sent'") >= 1);
        server.clock().advance(Duration.ofDays(30));
        String recent = book("2026-12-28T09:00:00+07:00");

        server.clock().advance(Duration.ofDays(1));
        await("the old personal data is erased", () -> server.count(
                "SELECT count(*) FROM bookings WHERE personal_data_erased_at IS NOT NULL") == 1);

        assertThat(server.count("SELECT count(*) FROM bookings WHERE code = '" + old + "' AND citizen_name = '' "
                + "AND phone = '' AND procedure_note IS NULL AND service_id = 'ho-tich' AND status = 'no_show'")
                + server.count("SELECT count(*) FROM bookings WHERE code = '" + old + "' AND citizen_name = '' "
                + "AND phone = '' AND procedure_note IS NULL AND service_id = 'ho-tich' AND status = 'booked'")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM bookings WHERE code = '" + recent + "' AND phone = '0912345678'"))
                .isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM tickets WHERE phone IS NOT NULL")).isZero();
        assertThat(server.count("SELECT count(*) FROM notification_outbox WHERE phone IS NOT NULL AND status = 'sent' "
                + "AND created_at < '2026-12-01'")).isZero();
    }
}
