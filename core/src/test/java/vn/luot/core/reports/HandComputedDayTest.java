package vn.luot.core.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.luot.core.support.TestServer.bearer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.MutableClock;
import vn.luot.core.support.TestServer;

/**
 * One morning at Hạc Thành played through the API under a controlled clock, then every figure of the
 * summary checked against the numbers worked out by hand below. Minute t is 08:30 + t on Thursday
 * 26 November 2026. Counter 2 (chứng thực) is operator A's, counter 3 (hộ tịch) operator B's.
 *
 * <pre>
 * ticket service      channel  issued  first call  served              end
 * T1     chung-thuc   kiosk    0       5 (A)       5-10 (5 min)        completed
 * T2     chung-thuc   kiosk    2       10 (A)      -                   no-show at 12
 * T3     ho-tich      desk     3       14 (B)      14-34 (20 min)      completed
 * T4     chung-thuc   phone    4       30 (A)      30-36 (6 min)       completed
 * T5     chung-thuc   kiosk    12      -           -                   cancelled at 13
 * T6     ho-tich      kiosk    20      34 (B)      transferred to chung-thuc at 35; A: 41-44 (3 min), completed
 * T7     chung-thuc   booking  25      36 (A)      36-41 (5 min)       completed; slot 09:00 (t 30)
 * T8     ho-tich      kiosk    40      -           -                   still waiting at t 70 (report time)
 * </pre>
 * Ratings at t 65: T1 very satisfied (phone), T3 dissatisfied because of the wait (counter 3's tablet),
 * T4 neutral without a reason (phone).
 * Waits of called tickets (issue to first call): 5, 8, 11, 26, 14, 11. Counter 2 open 0-60, busy 5-12 and
 * 30-44; counter 3 open 0-45 and 50-60 (paused 45-50), busy 14-35. Someone waits at the site during 0-36
 * (T7 until its call at 36) and from 40 on (T8).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Report summary: every figure of a hand-computed day")
class HandComputedDayTest {
    private static final String DAY = "2026-11-26";
    private static final Instant MINUTE_ZERO = MutableClock.workingMorning().instant();
    private TestServer server;
    private String manager;
    private String operatorA;
    private String operatorB;
    private final List<Integer> estimates = new ArrayList<>();
    private final List<String> tickets = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();

    @BeforeAll
    void playTheMorning() {
        server = TestServer.start();
        manager = server.newStaff("manager");
        operatorA = server.newStaff("operator");
        operatorB = server.newStaff("operator");
        JsonObject booking = server.api().post("/api/v1/bookings", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", "chung-thuc").put("slotStart", DAY + "T09:00:00+07:00")
                .put("name", "Trần Thị Bình").put("phone", "0912 345 678")).json();

        server.open(2, operatorA, "chung-thuc");
        server.open(3, operatorB, "ho-tich");
        issue("chung-thuc", "kiosk", null);                    // T1, t 0
        at(2);
        issue("chung-thuc", "kiosk", null);                    // T2
        at(3);
        issue("ho-tich", "desk", operatorB);                   // T3
        at(4);
        issue("chung-thuc", "phone", null);                    // T4
        at(5);
        call(2, operatorA, 1);
        act(2, "start", operatorA, 1);
        at(10);
        act(2, "complete", operatorA, 1);
        call(2, operatorA, 2);
        at(12);
        act(2, "no-show", operatorA, 2);
        issue("chung-thuc", "kiosk", null);                    // T5
        at(13);
        ok(server.api().post("/api/v1/tickets/" + ticket(5) + "/cancel", null, "X-Holder-Secret", secrets.get(4)));
        at(14);
        call(3, operatorB, 3);
        act(3, "start", operatorB, 3);
        at(20);
        issue("ho-tich", "kiosk", null);                       // T6
        at(25);
        Response checkIn = server.api().post("/api/v1/bookings/" + booking.getString("code") + "/check-in", null,
                bearer(operatorA));
        ok(checkIn);
        JsonObject t7 = checkIn.json().getJsonObject("ticket");
        tickets.add(t7.getString("id"));                       // T7
        secrets.add(t7.getString("holderSecret"));
        estimates.add(t7.getInteger("estimatedWaitMinutes"));
        at(30);
        call(2, operatorA, 4);
        act(2, "start", operatorA, 4);
        at(34);
        act(3, "complete", operatorB, 3);
        call(3, operatorB, 6);
        at(35);
        ok(server.api().post("/api/v1/counters/3/transfer", new JsonObject().put("serviceId", "chung-thuc"),
                bearer(operatorB)));
        at(36);
        act(2, "complete", operatorA, 4);
        call(2, operatorA, 7);
        act(2, "start", operatorA, 7);
        at(40);
        issue("ho-tich", "kiosk", null);                       // T8
        at(41);
        act(2, "complete", operatorA, 7);
        call(2, operatorA, 6);
        act(2, "start", operatorA, 6);
        at(44);
        act(2, "complete", operatorA, 6);
        at(45);
        ok(server.act(3, "pause", operatorB));
        at(50);
        ok(server.act(3, "resume", operatorB));
        at(60);
        ok(server.act(2, "close", operatorA));
        ok(server.act(3, "close", operatorB));
        at(65);
        String tablet = server.api().post("/api/v1/counters/3/rating-token", null, bearer(server.adminToken()))
                .json().getString("token");
        ok(server.api().post("/api/v1/tickets/" + ticket(1) + "/rating", new JsonObject().put("level", "very_satisfied"),
                "X-Holder-Secret", secrets.get(0)));
        ok(server.api().post("/api/v1/counters/3/ratings", new JsonObject().put("ticketId", ticket(3))
                .put("level", "dissatisfied").put("reason", "cho-lau"), bearer(tablet)));
        ok(server.api().post("/api/v1/tickets/" + ticket(4) + "/rating", new JsonObject().put("level", "neutral"),
                "X-Holder-Secret", secrets.get(3)));
        at(70);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @DisplayName("The day's totals: counts by channel and outcome, waits, service times, targets, estimates, staff time")
    void totals() {
        JsonObject report = summary("day");
        JsonObject total = report.getJsonObject("total");

        assertThat(total.getLong("issued")).isEqualTo(8);
        assertThat(total.getLong("issuedKiosk")).isEqualTo(5);
        assertThat(total.getLong("issuedDesk")).isEqualTo(1);
        assertThat(total.getLong("issuedBooking")).isEqualTo(1);
        assertThat(total.getLong("issuedRemote")).isEqualTo(1);
        assertThat(total.getLong("served")).isEqualTo(5);
        assertThat(total.getLong("noShows")).isEqualTo(1);
        assertThat(total.getLong("cancelled")).isEqualTo(1);
        assertThat(total.getLong("transferred")).isEqualTo(1);
        assertThat(total.getLong("movedBetweenSites")).isZero();
        assertThat(total.getLong("abandoned")).isEqualTo(1);
        // Waits 5, 8, 11, 11, 14, 26.
        assertThat(total.getDouble("waitMeanMinutes")).isEqualTo(12.5);
        assertThat(total.getDouble("waitMedianMinutes")).isEqualTo(11.0);
        assertThat(total.getDouble("waitP90Minutes")).isEqualTo(26.0);
        assertThat(total.getDouble("waitMaxMinutes")).isEqualTo(26.0);
        // Service times 3, 5, 5, 6, 20.
        assertThat(total.getDouble("serviceMeanMinutes")).isEqualTo(7.8);
        assertThat(total.getDouble("serviceP90Minutes")).isEqualTo(20.0);
        // Served within target: T1 5<=15, T3 11<=20, T6 14<=15 (its final service), T7 11<=15; not T4 (26 > 15).
        assertThat(total.getDouble("withinTargetShare")).isEqualTo(0.8);
        // T7 first called at t 36, before its 15-minute slot from t 30 ended.
        assertThat(total.getDouble("bookingsInWindowShare")).isEqualTo(1.0);
        // Counter 2: 60 open, idle 0-5, 12-30, 44-60 all with someone waiting: 5 + 18 + 16 = 39.
        // Counter 3: 45 + 10 open, idle 0-14 (14), 35-36 and 40-45 of 35-45 (6), 50-60 (10): 30.
        assertThat(total.getDouble("timeOpenMinutes")).isEqualTo(115.0);
        assertThat(total.getDouble("idleWhileCitizensWaitedMinutes")).isEqualTo(69.0);
        // Ratings 4, 1, 2: mean 7/3, one of three satisfied, one reason given.
        assertThat(total.getLong("ratings")).isEqualTo(3);
        assertThat(total.getDouble("ratingMean")).isEqualTo(2.33);
        assertThat(total.getDouble("satisfiedShare")).isEqualTo(0.3333);
        assertThat(total.getJsonObject("ratingReasons").getMap()).containsOnly(java.util.Map.entry("cho-lau", 1));
    }

    @Test
    @DisplayName("The estimate kept with each ticket is the one it was issued with, and its accuracy is computed from it")
    void estimateAccuracy() {
        // Served tickets T1, T3, T4, T6, T7 with actual waits 5, 11, 26, 14, 11 minutes.
        int[] served = {1, 3, 4, 6, 7};
        int[] waits = {5, 11, 26, 14, 11};
        int right = 0;
        int errorSum = 0;
        for (int i = 0; i < served.length; i++) {
            Integer estimate = estimates.get(served[i] - 1);
            assertThat(estimate).as("T%d had an estimate when issued", served[i]).isNotNull();
            assertThat(server.count("SELECT issued_estimate_minutes FROM tickets WHERE id = '" + ticket(served[i]) + "'"))
                    .as("T%d keeps the estimate it was issued with", served[i]).isEqualTo(estimate.longValue());
            int error = Math.abs(waits[i] - estimate);
            errorSum += error;
            right += error <= 5 ? 1 : 0;
        }
        JsonObject total = summary("day").getJsonObject("total");

        assertThat(total.getDouble("estimateWithin5Share")).isCloseTo(right / 5.0, within(0.0001));
        assertThat(total.getDouble("estimateMeanAbsoluteErrorMinutes")).isCloseTo(errorSum / 5.0, within(0.01));
    }

    @Test
    @DisplayName("Split by staff member: who served what, their mean service time, time open and idle time")
    void byStaff() {
        JsonArray groups = summary("staff").getJsonArray("groups");

        assertThat(groups).hasSize(2);
        JsonObject a = group(groups, username(operatorA));
        assertThat(a.getLong("served")).isEqualTo(4);
        assertThat(a.getLong("noShows")).isEqualTo(1);
        assertThat(a.getDouble("serviceMeanMinutes")).isEqualTo(4.75);
        assertThat(a.getDouble("timeOpenMinutes")).isEqualTo(60.0);
        assertThat(a.getDouble("idleWhileCitizensWaitedMinutes")).isEqualTo(39.0);
        JsonObject b = group(groups, username(operatorB));
        assertThat(b.getLong("served")).isEqualTo(1);
        assertThat(b.getDouble("serviceMeanMinutes")).isEqualTo(20.0);
        assertThat(b.getDouble("timeOpenMinutes")).isEqualTo(55.0);
        assertThat(b.getDouble("idleWhileCitizensWaitedMinutes")).isEqualTo(30.0);
        assertThat(b.getDouble("ratingMean")).isEqualTo(1.0);
        assertThat(a.getLong("ratings")).isEqualTo(2);
        assertThat(a.getDouble("ratingMean")).isEqualTo(3.0);
    }

    @Test
    @DisplayName("Split by service, counter and hour, with arrivals against counter-hours open in the centre's time zone")
    void byServiceCounterAndHour() {
        JsonArray services = summary("service").getJsonArray("groups");
        assertThat(group(services, "chung-thuc").getLong("issued")).isEqualTo(6);
        assertThat(group(services, "ho-tich").getLong("issued")).isEqualTo(2);
        assertThat(group(services, "ho-tich").getDouble("waitMeanMinutes")).isEqualTo(11.0);

        JsonArray counters = summary("counter").getJsonArray("groups");
        assertThat(group(counters, "2").getLong("issued")).isEqualTo(5);
        assertThat(group(counters, "2").getDouble("timeOpenMinutes")).isEqualTo(60.0);
        assertThat(group(counters, "3").getLong("served")).isEqualTo(1);

        JsonObject byHour = summary("hour");
        assertThat(group(byHour.getJsonArray("groups"), "08").getLong("issued")).isEqualTo(7);
        assertThat(group(byHour.getJsonArray("groups"), "09").getLong("issued")).isEqualTo(1);
        JsonArray hours = byHour.getJsonArray("hours");
        assertThat(hours).hasSize(2);
        // 08:30-09:00 both counters open: 1 counter-hour; 09:00-09:30 counter 2 30 min, counter 3 25 min.
        assertThat(hours.getJsonObject(0).getInteger("hour")).isEqualTo(8);
        assertThat(hours.getJsonObject(0).getLong("arrivals")).isEqualTo(7);
        assertThat(hours.getJsonObject(0).getDouble("counterHoursOpen")).isEqualTo(1.0);
        assertThat(hours.getJsonObject(1).getLong("arrivals")).isEqualTo(1);
        assertThat(hours.getJsonObject(1).getDouble("counterHoursOpen")).isEqualTo(0.92);
    }

    @Test
    @DisplayName("Each figure comes with its name and a one-line definition, Vietnamese first")
    void definitions() {
        JsonObject vi = summary("day");
        assertThat(vi.getJsonObject("labels").getString("waitMedianMinutes")).isEqualTo("Thời gian chờ trung vị");
        for (String key : vi.getJsonObject("total").fieldNames()) {
            assertThat(vi.getJsonObject("definitions").getString(key)).as(key).isNotBlank().doesNotStartWith("kpi.");
        }
        JsonObject en = server.api().get("/api/v1/reports/summary?from=" + DAY + "&to=" + DAY + "&lang=en",
                bearer(manager)).json();
        assertThat(en.getJsonObject("labels").getString("waitMedianMinutes")).isEqualTo("Median wait");
    }

    @Test
    @DisplayName("Reports are for managers: operators get 403, the public 401, and a bad range or grouping a clear 400")
    void managersOnly() {
        String path = "/api/v1/reports/summary?from=" + DAY + "&to=" + DAY;
        assertThat(server.api().get(path).status()).isEqualTo(401);
        assertThat(server.api().get(path, bearer(operatorA)).status()).isEqualTo(403);
        assertThat(server.api().get(path, bearer(server.adminToken())).status()).isEqualTo(200);

        Response backwards = server.api().get("/api/v1/reports/summary?from=2026-11-27&to=2026-11-26",
                bearer(manager));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.error()).isEqualTo("invalid_field");
        assertThat(backwards.json().getString("message")).contains("to");
        assertThat(server.api().get("/api/v1/reports/summary?from=26/11/2026&to=" + DAY, bearer(manager)).status())
                .isEqualTo(400);
        assertThat(server.api().get(path + "&groupBy=week", bearer(manager)).error()).isEqualTo("invalid_field");
        assertThat(server.api().get(path + "&siteId=nowhere", bearer(manager)).status()).isEqualTo(400);
    }

    private JsonObject summary(String groupBy) {
        Response r = server.api().get("/api/v1/reports/summary?from=" + DAY + "&to=" + DAY + "&siteId=hac-thanh"
                + "&groupBy=" + groupBy, "Authorization", "Bearer " + manager, "Accept-Language", "vi");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonObject group(JsonArray groups, String key) {
        for (int i = 0; i < groups.size(); i++) {
            if (key.equals(groups.getJsonObject(i).getString("key"))) {
                return groups.getJsonObject(i).getJsonObject("figures");
            }
        }
        throw new AssertionError("no group " + key + " in " + groups.encode());
    }

    private String username(String token) {
        return server.api().get("/api/v1/auth/me", bearer(token)).json().getString("username");
    }

    private void at(int minute) {
        server.clock().set(MINUTE_ZERO.plus(Duration.ofMinutes(minute)));
    }

    private void issue(String service, String channel, String staffToken) {
        JsonObject body = new JsonObject().put("siteId", "hac-thanh").put("serviceId", service).put("channel", channel);
        Response r = staffToken == null ? server.api().post("/api/v1/tickets", body)
                : server.api().post("/api/v1/tickets", body, bearer(staffToken));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        tickets.add(r.json().getString("id"));
        secrets.add(r.json().getString("holderSecret"));
        estimates.add(r.json().getInteger("estimatedWaitMinutes"));
    }

    private String ticket(int n) {
        return tickets.get(n - 1);
    }

    private void call(int counter, String token, int n) {
        ok(server.api().post("/api/v1/counters/" + counter + "/call", new JsonObject().put("ticketId", ticket(n)),
                bearer(token)));
    }

    private void act(int counter, String action, String token, int n) {
        ok(server.api().post("/api/v1/counters/" + counter + "/" + action,
                new JsonObject().put("ticketId", ticket(n)), bearer(token)));
    }

    private static void ok(Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
    }
}
