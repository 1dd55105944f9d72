package vn.luot.core.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.support.TestServer.bearer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.luot.core.domain.booking.UsualWaits;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.MutableClock;
import vn.luot.core.support.TestDatabase;
import vn.luot.core.support.TestServer;

/**
 * Two earlier mornings of chứng thực at Hạc Thành played under a moved clock, then the usual wait asked for
 * on the Thursday after. Each morning: two tickets issued at 08:30 and called at 08:40 and 08:50 (waits 10
 * and 20 minutes), one issued at 09:10 and called at 09:15. The figure needs 3 tickets in an hour here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("GET /api/v1/usual-waits: the usual wait per hour of a service at a site, from past days' tickets")
class UsualWaitApiTest {
    private TestServer server;
    private String operator;

    @BeforeAll
    void playTwoMornings() {
        MutableClock clock = new MutableClock(morning(24, 8, 30));
        server = TestServer.start(config -> config.withBooking(config.booking().withUsualWaits(new UsualWaits(28, 3))),
                TestDatabase.fresh(), clock);
        operator = server.newStaff("operator");
        for (int day : new int[] {24, 25}) {
            clock.set(morning(day, 8, 30));
            server.open(2, operator, "chung-thuc");
            String first = server.issue("hac-thanh", "chung-thuc").getString("id");
            String second = server.issue("hac-thanh", "chung-thuc").getString("id");
            clock.set(morning(day, 8, 40));
            serve(first);
            clock.set(morning(day, 8, 50));
            serve(second);
            clock.set(morning(day, 9, 10));
            String third = server.issue("hac-thanh", "chung-thuc").getString("id");
            clock.set(morning(day, 9, 15));
            serve(third);
            ok(server.act(2, "close", operator));
        }
        // Today's own ticket (a 2-minute wait) is not part of the usual wait.
        clock.set(morning(26, 8, 30));
        server.open(2, operator, "chung-thuc");
        String today = server.issue("hac-thanh", "chung-thuc").getString("id");
        clock.set(morning(26, 8, 32));
        serve(today);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @DisplayName("An hour with enough past tickets gets their median wait; an hour with too few gets no figure but its count")
    void perHour() {
        Response r = server.api().get("/api/v1/usual-waits?serviceId=chung-thuc&siteId=hac-thanh");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonObject body = r.json();
        assertThat(body.getInteger("days")).isEqualTo(28);
        assertThat(body.getInteger("minimumTickets")).isEqualTo(3);
        // Waits at 8 o'clock: 10, 20, 10, 20 minutes; today's 2 minutes left out.
        assertThat(hour(body, 8)).isEqualTo(new JsonObject().put("hour", 8).put("usualWaitMinutes", 15).put("tickets", 4));
        assertThat(hour(body, 9)).isEqualTo(new JsonObject().put("hour", 9).putNull("usualWaitMinutes").put("tickets", 2));
        assertThat(hour(body, 14)).isEqualTo(new JsonObject().put("hour", 14).putNull("usualWaitMinutes").put("tickets", 0));
    }

    @Test
    @DisplayName("The answer covers the hours the site receives citizens and carries only hours, minutes and counts")
    void hoursAndNothingPersonal() {
        JsonArray hours = server.api().get("/api/v1/usual-waits?serviceId=chung-thuc&siteId=hac-thanh").json()
                .getJsonArray("hours");

        assertThat(hours.stream().map(h -> ((JsonObject) h).getInteger("hour")))
                .containsExactly(7, 8, 9, 10, 11, 13, 14, 15, 16);
        hours.forEach(h -> assertThat(((JsonObject) h).fieldNames())
                .containsExactlyInAnyOrder("hour", "usualWaitMinutes", "tickets"));
    }

    @Test
    @DisplayName("A missing site, an unknown site or a site without the service is refused with 400 and a message")
    void badInput() {
        for (String query : new String[] {"serviceId=chung-thuc", "serviceId=chung-thuc&siteId=nowhere",
                "serviceId=no-such-service&siteId=hac-thanh", "serviceId=&siteId=hac-thanh"}) {
            Response r = server.api().get("/api/v1/usual-waits?" + query);

            assertThat(r.status()).as(query + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().getString("error")).as(query).isNotBlank();
            assertThat(r.json().getString("message")).as(query).isNotBlank();
        }
    }

    private static Instant morning(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 11, day, hour, minute, 0, 0, MutableClock.CENTRE).toInstant();
    }

    private void serve(String ticketId) {
        ok(server.api().post("/api/v1/counters/2/call", new JsonObject().put("ticketId", ticketId), bearer(operator)));
        ok(server.api().post("/api/v1/counters/2/start", new JsonObject().put("ticketId", ticketId), bearer(operator)));
        ok(server.api().post("/api/v1/counters/2/complete", new JsonObject().put("ticketId", ticketId), bearer(operator)));
    }

    private static JsonObject hour(JsonObject body, int hour) {
        return body.getJsonArray("hours").stream().map(JsonObject.class::cast)
                .filter(h -> h.getInteger("hour") == hour).findFirst().orElseThrow();
    }

    private static void ok(Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
    }
}
