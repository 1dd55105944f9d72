package vn.luot.core.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.booking.DailyLimit;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.TestServer;

/**
 * Abuse limits of the public booking routes: per phone number and per client address a day, and
 * requests a minute per address, each a 429 with Retry-After and a clear message. The clock reads
 * Thursday 26/11/2026, 08:30 (15 h 30 min before midnight).
 */
@DisplayName("Limits per phone, per address and per minute on the booking routes")
class BookingLimitsTest {
    private static final long TO_MIDNIGHT = Duration.ofHours(15).plusMinutes(30).toSeconds();
    private TestServer server;

    private void start(UnaryOperator<LuotConfig> tweak) {
        server = TestServer.start(tweak);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Response book(String slot, String phone) {
        return server.api().post("/api/v1/bookings", new JsonObject().put("siteId", "hac-thanh").put("serviceId", "ho-tich")
                .put("slotStart", slot).put("name", "Trần Thị Bình").put("phone", phone), "Accept-Language", "vi");
    }

    @Test
    @DisplayName("A phone number makes 4 bookings a day; the 5th gets 429 daily_limit_phone with Retry-After until "
            + "midnight; a refused booking costs nothing, and the next day it may book again")
    void perPhone() {
        start(UnaryOperator.identity());
        for (int i = 0; i < 2; i++) {
            assertThat(book("2026-11-27T09:00:00+07:00", "0912 345 678").status()).isEqualTo(201);
        }
        assertThat(book("2026-11-27T09:00:00+07:00", "0912345678").status()).as("the slot's 2 places are taken")
                .isEqualTo(409);
        assertThat(book("2026-11-27T09:15:00+07:00", "+84 912 345 678").status()).isEqualTo(201);
        assertThat(book("2026-11-27T09:30:00+07:00", "0912.345.678").status()).isEqualTo(201);

        Response fifth = book("2026-11-27T09:45:00+07:00", "0912345678");

        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.error()).isEqualTo("daily_limit_phone");
        assertThat(fifth.json().getString("message")).contains("ngày mai");
        assertThat(Long.parseLong(fifth.header("Retry-After").orElseThrow())).isEqualTo(TO_MIDNIGHT);
        assertThat(server.count("SELECT count(*) FROM bookings")).isEqualTo(4);
        assertThat(server.count("SELECT count(*) FROM daily_limits WHERE subject LIKE '%0912%'"))
                .as("only hashes are kept").isZero();

        server.clock().advance(Duration.ofDays(1));
        assertThat(book("2026-11-28T09:45:00+07:00", "0912345678").status()).isEqualTo(201);
    }

    @Test
    @DisplayName("One client address makes as many bookings a day as configured (here 3), whatever the phone numbers")
    void perAddress() {
        start(config -> config.withBooking(config.booking().withLimits(new DailyLimit(4, 3, 3, 50), 60)));
        assertThat(book("2026-11-27T09:00:00+07:00", "0912 000 001").status()).isEqualTo(201);
        assertThat(book("2026-11-27T09:15:00+07:00", "0912 000 002").status()).isEqualTo(201);
        assertThat(book("2026-11-27T09:30:00+07:00", "0912 000 003").status()).isEqualTo(201);

        Response fourth = book("2026-11-27T09:45:00+07:00", "0912 000 004");

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.error()).isEqualTo("daily_limit_address");
        assertThat(fourth.header("Retry-After")).isPresent();
        assertThat(server.count("SELECT count(*) FROM bookings")).isEqualTo(3);
    }

    @Test
    @DisplayName("Remote tickets: 3 per phone a day; a retry with the same Idempotency-Key does not count")
    void remoteTicketsPerPhone() {
        start(UnaryOperator.identity());
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            assertThat(remote("0912 345 678", i == 0 ? key : UUID.randomUUID().toString()).status()).isEqualTo(201);
        }
        assertThat(remote("0912 345 678", key).status()).as("a replay of the first").isEqualTo(201);

        Response fourth = remote("0912345678", UUID.randomUUID().toString());

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.error()).isEqualTo("daily_limit_phone");
        assertThat(server.count("SELECT count(*) FROM tickets WHERE channel = 'remote'")).isEqualTo(3);
    }

    private Response remote(String phone, String key) {
        return server.api().post("/api/v1/remote-tickets", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", "chung-thuc").put("phone", phone).put("travelMinutes", 10), "Idempotency-Key", key);
    }

    @Test
    @DisplayName("More requests a minute than allowed from one address (here 5) get 429 rate_limited with Retry-After; "
            + "staff at the desk are not limited")
    void perMinute() {
        start(config -> config.withBooking(config.booking().withLimits(config.booking().limits(), 5)));
        for (int i = 0; i < 5; i++) {
            assertThat(server.api().get("/api/v1/slots?siteId=hac-thanh&serviceId=ho-tich").status()).isEqualTo(200);
        }

        Response limited = server.api().get("/api/v1/slots?siteId=hac-thanh&serviceId=ho-tich", "Accept-Language", "vi");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.error()).isEqualTo("rate_limited");
        long wait = Long.parseLong(limited.header("Retry-After").orElseThrow());
        assertThat(wait).isBetween(1L, 60L);
        assertThat(limited.json().getString("message")).contains(wait + " giây");
        assertThat(book("2026-11-27T09:00:00+07:00", "0912 345 678").status()).isEqualTo(429);
        String staff = server.newStaff("operator");
        assertThat(server.api().post("/api/v1/bookings", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", "ho-tich").put("slotStart", "2026-11-27T09:00:00+07:00").put("name", "Lê Văn Cường")
                .put("phone", "0987 654 321"), TestServer.bearer(staff)).status()).isEqualTo(201);
    }
}
