package vn.luot.core.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.support.Eventually.await;
import static vn.luot.core.support.TestServer.bearer;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.booking.MissedBooking;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.MutableClock;
import vn.luot.core.support.TestServer;

/**
 * Check-in at the kiosk and from the phone, once; booked citizens called at their time ahead of the
 * walk-ins of their service; and a booking missed by more than its late window, as a walk-in or expired.
 * The server's clock starts on Thursday 26/11/2026 at 08:30; the booked slot is 09:00.
 */
@DisplayName("Check-in of bookings and the order of booked tickets")
class BookedCheckInTest {
    private static final String SLOT = "2026-11-26T09:00:00+07:00";
    private static final String PHONE = "0912 345 678";
    private TestServer server;
    private String operator;

    private void start(UnaryOperator<LuotConfig> tweak) {
        server = TestServer.start(tweak);
        operator = server.newStaff("operator");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String book(String service, String phone) {
        Response r = server.api().post("/api/v1/bookings", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", service).put("slotStart", SLOT).put("name", "Trần Thị Bình").put("phone", phone));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("code");
    }

    private Response kiosk(JsonObject body) {
        return server.api().post("/api/v1/kiosk/hac-thanh/check-in", body.put("printerId", "kiosk-1"));
    }

    private void at(int hour, int minute) {
        server.clock().set(java.time.ZonedDateTime.of(2026, 11, 26, hour, minute, 0, 0, MutableClock.CENTRE).toInstant());
    }

    private String callNext(int counter) {
        Response r = server.act(counter, "call-next", operator);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String number = r.json().getString("number");
        server.act(counter, "complete", operator);
        return number;
    }

    @Test
    @DisplayName("At the kiosk a booking is checked in by its code as the scanner types it, or by the phone number "
            + "written another way, once; the answer names no citizen")
    void kioskCheckIn() {
        start(UnaryOperator.identity());
        String code = book("ho-tich", PHONE);
        at(8, 50);

        Response byCode = kiosk(new JsonObject().put("code", code.toLowerCase() + "\n"));
        Response byPhone = kiosk(new JsonObject().put("phone", "+84 912 345 678"));

        assertThat(byCode.status()).as(byCode.body()).isEqualTo(201);
        assertThat(byCode.json().getJsonObject("ticket").getString("channel")).isEqualTo("booking");
        assertThat(byCode.json().getJsonObject("booking").getString("status")).isEqualTo("checked_in");
        assertThat(byCode.body()).doesNotContain("Trần Thị Bình").doesNotContain("0912345678");
        assertThat(byPhone.status()).isEqualTo(201);
        assertThat(byPhone.header("Idempotent-Replayed")).contains("true");
        assertThat(byPhone.json().getJsonObject("ticket").getString("id"))
                .isEqualTo(byCode.json().getJsonObject("ticket").getString("id"));
        assertThat(server.count("SELECT count(*) FROM tickets")).isEqualTo(1);
    }

    @Test
    @DisplayName("The kiosk refuses a booking of the other site (409), an unknown phone (404) and text that is neither (400)")
    void kioskRefusals() {
        start(UnaryOperator.identity());
        Response other = server.api().post("/api/v1/bookings", new JsonObject().put("siteId", "tinh")
                .put("serviceId", "ho-tich").put("slotStart", SLOT).put("name", "Lê Văn Cường").put("phone", "0987654321"));

        assertThat(kiosk(new JsonObject().put("code", other.json().getString("code"))).error())
                .isEqualTo("booking_at_other_site");
        assertThat(kiosk(new JsonObject().put("phone", "0912 000 111")).status()).isEqualTo(404);
        assertThat(kiosk(new JsonObject().put("code", "hello")).status()).isEqualTo(400);
        assertThat(server.count("SELECT count(*) FROM tickets")).isZero();
    }

    @Test
    @DisplayName("From the phone, check-in opens 30 minutes before the slot, needs the right phone number, and happens once")
    void phoneCheckIn() {
        start(UnaryOperator.identity());
        at(8, 29);
        String code = book("ho-tich", PHONE);
        JsonObject own = new JsonObject().put("code", code).put("phone", PHONE);

        Response early = server.api().post("/api/v1/bookings/check-in", own);
        at(8, 30);
        Response wrongPhone = server.api().post("/api/v1/bookings/check-in", own.copy().put("phone", "0987654321"));
        Response first = server.api().post("/api/v1/bookings/check-in", own);
        Response again = server.api().post("/api/v1/bookings/check-in", own);

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.error()).isEqualTo("check_in_not_yet");
        assertThat(wrongPhone.status()).isEqualTo(404);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.json().getJsonObject("ticket").getString("id"))
                .isEqualTo(first.json().getJsonObject("ticket").getString("id"));
        assertThat(server.count("SELECT count(*) FROM tickets")).isEqualTo(1);
    }

    @Test
    @DisplayName("When the slot comes, a booked citizen is called ahead of older walk-ins of the same service, after a "
            + "priority ticket")
    void bookedAheadOfWalkIns() {
        start(UnaryOperator.identity());
        String code = book("ho-tich", PHONE);
        String walkIn = server.issue("hac-thanh", "ho-tich").getString("number");
        at(8, 45);
        String booked = kiosk(new JsonObject().put("code", code)).json().getJsonObject("ticket").getString("number");
        String elderly = server.issue(new JsonObject().put("siteId", "hac-thanh").put("serviceId", "ho-tich")
                .put("priority", "elderly")).getString("number");
        server.open(3, operator, "ho-tich");
        at(8, 52);

        assertThat(callNext(3)).isEqualTo(elderly);
        assertThat(callNext(3)).isEqualTo(booked);
        assertThat(callNext(3)).isEqualTo(walkIn);
    }

    @Test
    @DisplayName("Before the slot's window the booked ticket waits like a walk-in, behind older walk-ins")
    void bookedNotYetDue() {
        start(UnaryOperator.identity());
        String code = book("ho-tich", PHONE);
        String walkIn = server.issue("hac-thanh", "ho-tich").getString("number");
        at(8, 35);
        kiosk(new JsonObject().put("code", code));
        server.open(3, operator, "ho-tich");
        at(8, 45);

        assertThat(callNext(3)).isEqualTo(walkIn);
    }

    @Test
    @DisplayName("Missed by more than 10 minutes (walk-in setting): the booking is still checked in, and waits by its "
            + "check-in time behind earlier walk-ins")
    void lateCheckInIsAWalkIn() {
        start(UnaryOperator.identity());
        String code = book("ho-tich", PHONE);
        at(9, 5);
        String earlier = server.issue("hac-thanh", "ho-tich").getString("number");
        at(9, 11);
        Response late = kiosk(new JsonObject().put("code", code));
        server.open(3, operator, "ho-tich");
        at(9, 12);

        assertThat(late.status()).isEqualTo(201);
        assertThat(callNext(3)).isEqualTo(earlier);
        assertThat(callNext(3)).isEqualTo(late.json().getJsonObject("ticket").getString("number"));
    }

    private static UnaryOperator<LuotConfig> expiring() {
        return config -> config.withBooking(config.booking().withMissed(MissedBooking.EXPIRE, Duration.ofSeconds(1)));
    }

    @Test
    @DisplayName("Missed by more than 10 minutes (expire setting): check-in is refused with 409 booking_expired and the "
            + "booking is marked expired; no ticket")
    void lateCheckInExpires() {
        start(expiring());
        String code = book("ho-tich", PHONE);
        at(9, 11);

        Response late = server.api().post("/api/v1/kiosk/hac-thanh/check-in", new JsonObject().put("code", code),
                "Accept-Language", "vi");

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.error()).isEqualTo("booking_expired");
        assertThat(late.json().getString("message")).contains("09:00").contains("10 phút");
        assertThat(server.api().get("/api/v1/bookings/" + code, bearer(operator)).json().getString("status"))
                .isEqualTo("expired");
        assertThat(server.count("SELECT count(*) FROM tickets")).isZero();
    }

    @Test
    @DisplayName("The background job expires the bookings nobody checked in by 10 minutes after their slot, and counts them")
    void jobExpiresMissedBookings() {
        start(expiring());
        book("ho-tich", PHONE);
        book("chung-thuc", "0987 654 321");
        String later = server.api().post("/api/v1/bookings", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", "ho-tich").put("slotStart", "2026-11-26T10:00:00+07:00").put("name", "Lê Văn Cường")
                .put("phone", "0912 000 111")).json().getString("code");
        at(9, 11);

        await("the two 09:00 bookings have expired",
                () -> server.count("SELECT count(*) FROM bookings WHERE status = 'expired'") == 2);
        await("the metric counts them", () -> server.api().get("/metrics").body()
                .contains("luot_bookings_expired_total 2.0"));
        assertThat(server.api().get("/api/v1/bookings/" + later, bearer(operator)).json().getString("status"))
                .isEqualTo("booked");
    }
}
