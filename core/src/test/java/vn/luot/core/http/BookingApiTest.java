package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.support.TestServer.bearer;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.TestServer;

/** Bookings through the API. The server's clock reads Thursday 26/11/2026, 08:30 in Thanh Hóa. */
@DisplayName("/api/v1/bookings")
class BookingApiTest {
    private TestServer server;
    private String staff;

    @BeforeEach
    void start() {
        server = TestServer.start();
        staff = server.newStaff("operator");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static JsonObject booking(String slot) {
        return new JsonObject().put("siteId", "hac-thanh").put("serviceId", "ho-tich").put("slotStart", slot)
                .put("name", "Trần Thị Bình").put("phone", "+84 912 345 678").put("procedure", "Đăng ký khai sinh");
    }

    private JsonObject book(String slot) {
        Response r = server.api().post("/api/v1/bookings", booking(slot));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private Response checkIn(String code) {
        return server.api().post("/api/v1/bookings/" + code + "/check-in",
                new JsonObject().put("printerId", "desk-hac-thanh"), bearer(staff));
    }

    @Test
    @DisplayName("Anyone may book a slot without logging in, and gets a six-character code")
    void bookWithoutLogin() {
        Response r = server.api().post("/api/v1/bookings", booking("2026-11-26T10:00:00+07:00"));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().getString("code")).matches("[2-9A-HJKMNP-Z]{6}");
        assertThat(r.json().getString("status")).isEqualTo("booked");
        assertThat(r.json().getString("slotStart")).isEqualTo("2026-11-26T10:00:00+07:00");
        assertThat(r.json().getString("phone")).isEqualTo("0912345678");
        assertThat(r.header("Location")).contains("/api/v1/bookings/" + r.json().getString("code"));
        assertThat(server.count("SELECT count(*) FROM bookings")).isEqualTo(1);
    }

    @Test
    @DisplayName("A slot without an offset is read in the centre's time zone")
    void localSlotTime() {
        assertThat(book("2026-11-27T14:15").getString("slotStart")).isEqualTo("2026-11-27T14:15:00+07:00");
    }

    @Test
    @DisplayName("The same Idempotency-Key books once; the same key for another booking is refused with 422")
    void idempotentBooking() {
        String key = UUID.randomUUID().toString();
        Response first = server.api().post("/api/v1/bookings", booking("2026-11-27T09:00:00+07:00"), "Idempotency-Key", key);
        Response retry = server.api().post("/api/v1/bookings", booking("2026-11-27T09:00:00+07:00"), "Idempotency-Key", key);
        Response other = server.api().post("/api/v1/bookings", booking("2026-11-27T09:30:00+07:00"), "Idempotency-Key", key);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().getString("code")).isEqualTo(first.json().getString("code"));
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        assertThat(other.status()).isEqualTo(422);
        assertThat(server.count("SELECT count(*) FROM bookings")).isEqualTo(1);
    }

    @Test
    @DisplayName("Bad bookings get a 400 naming the problem and store nothing")
    void badBookingsAreRefused() {
        assertThat(refusal(booking("2026-11-27T09:00:00+07:00").put("serviceId", "no-such"))).isEqualTo("unknown_service");
        assertThat(refusal(booking("2026-11-27T09:00:00+07:00").put("siteId", "tinh").put("serviceId", "kinh-doanh")))
                .isEqualTo("service_not_offered");
        assertThat(refusal(booking("2026-11-26T08:00:00+07:00"))).isEqualTo("slot_in_past");
        assertThat(refusal(booking("2026-11-27T12:00:00+07:00"))).isEqualTo("slot_outside_opening_hours");
        assertThat(refusal(booking("next tuesday"))).isEqualTo("invalid_field");
        assertThat(refusal(booking("2026-11-27T09:00:00+07:00").put("phone", "call me"))).isEqualTo("invalid_field");
        assertThat(refusal(booking("2026-11-27T09:00:00+07:00").put("name", " "))).isEqualTo("invalid_field");
        assertThat(server.count("SELECT count(*) FROM bookings")).isZero();
    }

    private String refusal(JsonObject body) {
        Response r = server.api().post("/api/v1/bookings", body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().getString("message")).isNotBlank();
        return r.error();
    }

    @Test
    @DisplayName("Staff find a booking by its code in any case, and by the phone number written another way")
    void staffFindBookings() {
        String code = book("2026-11-26T10:00:00+07:00").getString("code");
        book("2026-11-27T09:00:00+07:00");

        Response byCode = server.api().get("/api/v1/bookings/" + code.toLowerCase(), bearer(staff));
        Response search = server.api().get("/api/v1/bookings?code=" + code.substring(0, 3) + "-" + code.substring(3),
                bearer(staff));
        Response byPhone = server.api().get("/api/v1/bookings?phone=0912.345.678", bearer(staff));

        assertThat(byCode.status()).isEqualTo(200);
        assertThat(byCode.json().getString("name")).isEqualTo("Trần Thị Bình");
        assertThat(byCode.json().getString("procedure")).isEqualTo("Đăng ký khai sinh");
        assertThat(search.json().getJsonArray("bookings")).hasSize(1);
        assertThat(byPhone.json().getJsonArray("bookings")).hasSize(2);
        assertThat(byPhone.json().getJsonArray("bookings").getJsonObject(0).getString("code")).isEqualTo(code);
    }

    @Test
    @DisplayName("Finding bookings needs a staff login, and an unknown code is a 404")
    void findingNeedsStaff() {
        String code = book("2026-11-26T10:00:00+07:00").getString("code");

        assertThat(server.api().get("/api/v1/bookings/" + code).status()).isEqualTo(401);
        assertThat(server.api().get("/api/v1/bookings?phone=0912345678").status()).isEqualTo(401);
        assertThat(server.api().post("/api/v1/bookings/" + code + "/check-in", null).status()).isEqualTo(401);
        assertThat(server.api().get("/api/v1/bookings/ZZZZZZ", bearer(staff)).error()).isEqualTo("booking_not_found");
        assertThat(server.api().get("/api/v1/bookings?code=ZZZZZZ", bearer(staff)).json().getJsonArray("bookings"))
                .isEmpty();
        assertThat(server.api().get("/api/v1/bookings", bearer(staff)).status()).isEqualTo(400);
    }

    @Test
    @DisplayName("Check-in issues a waiting ticket with the channel booking and the booked slot, and links booking "
            + "and ticket")
    void checkInIssuesATicket() {
        String code = book("2026-11-26T10:00:00+07:00").getString("code");

        Response r = checkIn(code);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonObject ticket = r.json().getJsonObject("ticket");
        assertThat(ticket.getString("channel")).isEqualTo("booking");
        assertThat(ticket.getString("status")).isEqualTo("waiting");
        assertThat(ticket.getString("slotStart")).isEqualTo("2026-11-26T10:00:00+07:00");
        assertThat(ticket.getString("number")).startsWith("B");
        assertThat(ticket.getInteger("position")).isZero();
        assertThat(r.json().getJsonObject("booking").getString("status")).isEqualTo("checked_in");
        assertThat(r.json().getJsonObject("booking").getString("ticketId")).isEqualTo(ticket.getString("id"));
        assertThat(server.count("SELECT count(*) FROM tickets WHERE phone = '0912345678' AND printer_id = "
                + "'desk-hac-thanh' AND id = '" + ticket.getString("id") + "'")).isEqualTo(1);
    }

    @Test
    @DisplayName("Checking in again answers with the same ticket and issues no second one")
    void checkInTwice() {
        String code = book("2026-11-26T10:00:00+07:00").getString("code");

        Response first = checkIn(code);
        Response again = checkIn(code.toLowerCase());

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.json().getJsonObject("ticket").getString("id"))
                .isEqualTo(first.json().getJsonObject("ticket").getString("id"));
        assertThat(server.count("SELECT count(*) FROM tickets")).isEqualTo(1);
    }

    @Test
    @DisplayName("Eight desks checking the same booking in at the same moment get one and the same ticket")
    void concurrentCheckIns() throws Exception {
        String code = book("2026-11-26T10:00:00+07:00").getString("code");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(() -> checkIn(code));
            }
            List<String> ticketIds = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(attempts)) {
                Response r = f.get();
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                ticketIds.add(r.json().getJsonObject("ticket").getString("id"));
            }
            assertThat(ticketIds).hasSize(8).containsOnly(ticketIds.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.count("SELECT count(*) FROM tickets")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM bookings WHERE status = 'checked_in'")).isEqualTo(1);
    }

    @Test
    @DisplayName("A booking for another day cannot be checked in today (409) and no ticket is issued")
    void checkInOnAnotherDay() {
        String code = book("2026-11-27T09:00:00+07:00").getString("code");

        Response r = server.api().post("/api/v1/bookings/" + code + "/check-in", null,
                "Authorization", "Bearer " + staff, "Accept-Language", "vi");

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.error()).isEqualTo("booking_not_today");
        assertThat(r.json().getString("message")).contains("27/11/2026");
        assertThat(server.count("SELECT count(*) FROM tickets")).isZero();
    }

    @Test
    @DisplayName("A cancelled booking cannot be checked in, cancelling twice is harmless, and cancelling a "
            + "checked-in booking is refused")
    void cancelledBookings() {
        String cancelled = book("2026-11-26T10:00:00+07:00").getString("code");
        String used = book("2026-11-26T10:30:00+07:00").getString("code");
        checkIn(used);

        Response cancel = server.api().post("/api/v1/bookings/" + cancelled + "/cancel", null, bearer(staff));

        assertThat(cancel.json().getString("status")).isEqualTo("cancelled");
        assertThat(server.api().post("/api/v1/bookings/" + cancelled + "/cancel", null, bearer(staff)).status())
                .as("cancelling twice is harmless").isEqualTo(200);
        assertThat(checkIn(cancelled).error()).isEqualTo("booking_state");
        assertThat(server.api().post("/api/v1/bookings/" + used + "/cancel", null, bearer(staff)).status())
                .isEqualTo(409);
        assertThat(server.count("SELECT count(*) FROM tickets")).isEqualTo(1);
    }

    @Test
    @DisplayName("A booking nobody checked in on its day shows as a no-show the next day")
    void unusedBookingBecomesNoShow() {
        String code = book("2026-11-26T10:00:00+07:00").getString("code");

        server.clock().advance(Duration.ofDays(1));

        assertThat(server.api().get("/api/v1/bookings/" + code, bearer(staff)).json().getString("status"))
                .isEqualTo("no_show");
        assertThat(checkIn(code).error()).isEqualTo("booking_state");
    }
}
