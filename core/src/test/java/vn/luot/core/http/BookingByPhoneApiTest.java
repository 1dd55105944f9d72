package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.domain.booking.SlotSettings;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.TestServer;

/**
 * The public booking routes of the phone pages: slots with their free places, and one's own booking
 * found, moved and cancelled with its code and phone number in the body. The server's clock reads
 * Thursday 26/11/2026, 08:30; the shipped slots are 15 minutes, here with one place each.
 */
@DisplayName("Booking by phone: /api/v1/slots and one's own booking")
class BookingByPhoneApiTest {
    private static final String PHONE = "0912 345 678";
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(config -> {
            SlotSettings slots = config.booking().slots();
            return config.withBooking(config.booking().withSlots(new SlotSettings(slots.slotLength(), slots.openDaysAhead(),
                    slots.closesBefore(), slots.closedDays(), new SlotSettings.Places(1, Map.of()))));
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Response book(String slot, String phone) {
        return server.api().post("/api/v1/bookings", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", "ho-tich").put("slotStart", slot).put("name", "Trần Thị Bình").put("phone", phone));
    }

    private JsonArray slots(String from, String to) {
        Response r = server.api().get("/api/v1/slots?siteId=hac-thanh&serviceId=ho-tich&from=" + from + "&to=" + to);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().getJsonArray("slots");
    }

    private int free(String slot) {
        return slots(slot.substring(0, 10), slot.substring(0, 10)).stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("start").equals(slot)).findFirst().orElseThrow().getInteger("free");
    }

    @Test
    @DisplayName("Slots start more than 10 minutes from now, every 15 minutes in the opening hours, with their free places")
    void slotsOfToday() {
        JsonArray today = slots("2026-11-26", "2026-11-26");

        assertThat(today.getJsonObject(0).getString("start")).isEqualTo("2026-11-26T08:45:00+07:00");
        assertThat(today.getJsonObject(0).getString("end")).isEqualTo("2026-11-26T09:00:00+07:00");
        assertThat(today.getJsonObject(0).getInteger("places")).isEqualTo(1);
        assertThat(today.stream().map(JsonObject.class::cast).map(s -> s.getString("start")))
                .doesNotContain("2026-11-26T12:00:00+07:00").contains("2026-11-26T13:30:00+07:00");

        book("2026-11-26T09:00:00+07:00", PHONE);

        assertThat(free("2026-11-26T09:00:00+07:00")).isZero();
        assertThat(free("2026-11-26T09:15:00+07:00")).isEqualTo(1);
    }

    @Test
    @DisplayName("Public holidays have no slots (1 January 2027), nor do Sundays; a range over 31 days or reversed is a 400")
    void holidaysAndRanges() {
        server.clock().advance(java.time.Duration.ofDays(30));

        assertThat(slots("2027-01-01", "2027-01-01")).isEmpty();
        assertThat(slots("2026-12-27", "2026-12-27")).as("a Sunday").isEmpty();
        assertThat(slots("2026-12-31", "2026-12-31")).isNotEmpty();
        assertThat(server.api().get("/api/v1/slots?siteId=hac-thanh&serviceId=ho-tich&from=2026-12-30&to=2026-12-01")
                .error()).isEqualTo("invalid_field");
        assertThat(server.api().get("/api/v1/slots?siteId=hac-thanh&serviceId=ho-tich&from=2026-12-01&to=2027-02-01")
                .status()).isEqualTo(400);
        assertThat(server.api().get("/api/v1/slots?siteId=hac-thanh").error()).isEqualTo("invalid_field");
        assertThat(server.api().get("/api/v1/slots?siteId=tinh&serviceId=kinh-doanh").error())
                .isEqualTo("service_not_offered");
    }

    @Test
    @DisplayName("A full slot is a 409 slot_full that offers the nearest free slots, and nothing is stored")
    void fullSlotOffersNearest() {
        assertThat(book("2026-11-27T09:00:00+07:00", PHONE).status()).isEqualTo(201);

        Response r = server.api().post("/api/v1/bookings", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", "ho-tich").put("slotStart", "2026-11-27T09:00:00+07:00").put("name", "Lê Văn Cường")
                .put("phone", "0987 654 321"), "Accept-Language", "vi");

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.error()).isEqualTo("slot_full");
        assertThat(r.json().getString("message")).contains("09:00 27/11/2026").contains("hết chỗ");
        assertThat(r.json().getJsonArray("nearestFreeSlots").stream().map(JsonObject.class::cast)
                .map(s -> s.getString("start")))
                .containsExactly("2026-11-27T08:45:00+07:00", "2026-11-27T09:15:00+07:00", "2026-11-27T08:30:00+07:00");
        assertThat(server.count("SELECT count(*) FROM bookings")).isEqualTo(1);
    }

    @Test
    @DisplayName("Slots off the 15-minute grid, too close to now or past the booking window are refused with their reason")
    void slotRules() {
        assertThat(book("2026-11-27T09:05:00+07:00", PHONE).error()).isEqualTo("slot_not_a_start");
        assertThat(book("2026-11-26T08:30:00+07:00", PHONE).error()).isEqualTo("slot_in_past");
        assertThat(book("2026-11-26T08:40:00+07:00", PHONE).error()).isEqualTo("slot_not_a_start");
        server.clock().advance(java.time.Duration.ofMinutes(6));
        assertThat(book("2026-11-26T08:45:00+07:00", PHONE).error()).isEqualTo("slot_booking_closed");
        assertThat(book("2026-12-11T09:00:00+07:00", PHONE).error()).isEqualTo("slot_too_far_ahead");
        assertThat(book("2026-11-27T09:00:00+07:00", "0243 123 4567").error()).as("a landline").isEqualTo("invalid_field");
        assertThat(server.count("SELECT count(*) FROM bookings")).isZero();
    }

    @Test
    @DisplayName("A citizen finds their booking with its code and phone number written any way; a wrong phone is a 404 like a wrong code")
    void findOwn() {
        String code = book("2026-11-27T09:00:00+07:00", PHONE).json().getString("code");

        Response found = server.api().post("/api/v1/bookings/find", new JsonObject().put("code", code.toLowerCase())
                .put("phone", "+84912345678"));
        Response wrongPhone = server.api().post("/api/v1/bookings/find", new JsonObject().put("code", code)
                .put("phone", "0987 654 321"));
        Response wrongCode = server.api().post("/api/v1/bookings/find", new JsonObject().put("code", "ZZZZZZ")
                .put("phone", PHONE));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().getString("slotStart")).isEqualTo("2026-11-27T09:00:00+07:00");
        assertThat(wrongPhone.status()).isEqualTo(404);
        assertThat(wrongPhone.error()).isEqualTo(wrongCode.error()).isEqualTo("booking_not_found");
        assertThat(server.api().post("/api/v1/bookings/find", new JsonObject().put("code", code)).status())
                .isEqualTo(400);
    }

    @Test
    @DisplayName("Moving a booking takes the new slot's place and gives the old one back; a full slot is refused and nothing moves")
    void move() {
        String code = book("2026-11-27T09:00:00+07:00", PHONE).json().getString("code");
        book("2026-11-27T10:00:00+07:00", "0987 654 321");

        Response moved = server.api().post("/api/v1/bookings/move", new JsonObject().put("code", code).put("phone", PHONE)
                .put("slotStart", "2026-11-27T09:30:00+07:00"));
        Response again = server.api().post("/api/v1/bookings/move", new JsonObject().put("code", code).put("phone", PHONE)
                .put("slotStart", "2026-11-27T09:30:00+07:00"));
        Response toFull = server.api().post("/api/v1/bookings/move", new JsonObject().put("code", code).put("phone", PHONE)
                .put("slotStart", "2026-11-27T10:00:00+07:00"));

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().getString("slotStart")).isEqualTo("2026-11-27T09:30:00+07:00");
        assertThat(again.status()).isEqualTo(200);
        assertThat(toFull.status()).isEqualTo(409);
        assertThat(toFull.json().getJsonArray("nearestFreeSlots")).isNotEmpty();
        assertThat(free("2026-11-27T09:00:00+07:00")).isEqualTo(1);
        assertThat(free("2026-11-27T09:30:00+07:00")).isZero();
        assertThat(server.count("SELECT count(*) FROM bookings WHERE slot_start = '2026-11-27T09:30:00+07:00' "
                + "AND slot_day = '2026-11-27'")).isEqualTo(1);
    }

    @Test
    @DisplayName("Cancelling one's booking frees its place for another citizen; cancelling twice is harmless")
    void cancelOwn() {
        String code = book("2026-11-27T09:00:00+07:00", PHONE).json().getString("code");

        Response cancelled = server.api().post("/api/v1/bookings/cancel", new JsonObject().put("code", code)
                .put("phone", PHONE));
        Response twice = server.api().post("/api/v1/bookings/cancel", new JsonObject().put("code", code)
                .put("phone", PHONE));

        assertThat(cancelled.json().getString("status")).isEqualTo("cancelled");
        assertThat(twice.status()).isEqualTo(200);
        assertThat(free("2026-11-27T09:00:00+07:00")).isEqualTo(1);
        assertThat(book("2026-11-27T09:00:00+07:00", "0987 654 321").status()).isEqualTo(201);
    }
}
