package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.support.TestServer.bearer;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.TestServer;

/** The staff routes behind the workstation and the desk: ticket details, lookup by number, a counter's day. */
@DisplayName("Workstation routes: /api/v1/tickets/{id}/details, /api/v1/tickets?number=, /api/v1/counters/{id}/stats")
class WorkstationApiTest {
    private TestServer server;
    private String operator;

    @BeforeEach
    void start() {
        server = TestServer.start();
        operator = server.newStaff("operator");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonObject bookedTicket() {
        JsonObject booking = server.api().post("/api/v1/bookings", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", "chung-thuc").put("slotStart", "2026-11-26T09:00:00+07:00")
                .put("name", "Lê Văn Cường").put("phone", "0987 654 321")
                .put("procedure", "Chứng thực bản sao giấy khai sinh")).json();
        return server.api().post("/api/v1/bookings/" + booking.getString("code") + "/check-in", null, bearer(operator))
                .json().getJsonObject("ticket");
    }

    @Test
    @DisplayName("Staff see a booked ticket with the booking's name and procedure")
    void detailsOfABookedTicket() {
        JsonObject ticket = bookedTicket();

        Response r = server.api().get("/api/v1/tickets/" + ticket.getString("id") + "/details", bearer(operator));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getString("number")).isEqualTo(ticket.getString("number"));
        assertThat(r.json().getString("channel")).isEqualTo("booking");
        assertThat(r.json().getJsonObject("booking").getString("name")).isEqualTo("Lê Văn Cường");
        assertThat(r.json().getJsonObject("booking").getString("procedure"))
                .isEqualTo("Chứng thực bản sao giấy khai sinh");
        assertThat(r.json().getInteger("position")).isZero();
    }

    @Test
    @DisplayName("The public ticket route never shows the booking's name or phone, and details need a login")
    void publicTicketDoesNotLeak() {
        JsonObject ticket = bookedTicket();

        Response open = server.api().get("/api/v1/tickets/" + ticket.getString("id"));

        assertThat(open.status()).isEqualTo(200);
        assertThat(open.body()).doesNotContain("Cường", "0987", "654", "booking\":{");
        assertThat(server.api().get("/api/v1/tickets/" + ticket.getString("id") + "/details").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("A walk-in ticket's details have no booking, and an unknown ticket is a 404")
    void detailsOfAWalkIn() {
        JsonObject ticket = server.issue("hac-thanh", "ho-tich");

        Response r = server.api().get("/api/v1/tickets/" + ticket.getString("id") + "/details", bearer(operator));

        assertThat(r.json().containsKey("booking")).isTrue();
        assertThat(r.json().getValue("booking")).isNull();
        assertThat(server.api().get("/api/v1/tickets/" + java.util.UUID.randomUUID() + "/details", bearer(operator))
                .status()).isEqualTo(404);
    }

    @Test
    @DisplayName("Looking up a number as typed (a2) finds today's A002 with its place in the line")
    void lookUpByNumber() {
        server.issue("hac-thanh", "chung-thuc");
        JsonObject second = server.issue("hac-thanh", "chung-thuc");
        server.open(2, operator, "chung-thuc");

        Response r = server.api().get("/api/v1/tickets?number=a2", bearer(operator));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getString("id")).isEqualTo(second.getString("id"));
        assertThat(r.json().getString("number")).isEqualTo("A002");
        assertThat(r.json().getInteger("position")).isEqualTo(1);
        assertThat(r.json().getInteger("estimatedWaitMinutes")).isEqualTo(5);
        assertThat(r.json().getValue("servingCounterId")).isNull();
    }

    @Test
    @DisplayName("A number being served shows which counter serves it")
    void lookUpShowsTheServingCounter() {
        server.issue("hac-thanh", "ho-tich");
        server.open(3, operator, "ho-tich");
        server.act(3, "call-next", operator);

        Response r = server.api().get("/api/v1/tickets?number=B001", bearer(operator));

        assertThat(r.json().getString("status")).isEqualTo("called");
        assertThat(r.json().getInteger("servingCounterId")).isEqualTo(3);
    }

    @Test
    @DisplayName("An unknown number is a 404, a malformed or missing one a 400, and no login a 401")
    void badLookups() {
        assertThat(server.api().get("/api/v1/tickets?number=A999", bearer(operator)).error())
                .isEqualTo("ticket_not_found");
        assertThat(server.api().get("/api/v1/tickets?number=17", bearer(operator)).status()).isEqualTo(400);
        assertThat(server.api().get("/api/v1/tickets", bearer(operator)).status()).isEqualTo(400);
        assertThat(server.api().get("/api/v1/tickets?number=A001").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("A counter's day counts the tickets it completed and their mean service time, and its no-shows")
    void counterStats() {
        for (int i = 0; i < 3; i++) {
            server.issue("hac-thanh", "chung-thuc");
        }
        server.open(1, operator, "chung-thuc");
        serve(1, Duration.ofMinutes(4));
        serve(1, Duration.ofMinutes(6));
        server.act(1, "call-next", operator);
        server.act(1, "no-show", operator);

        Response r = server.api().get("/api/v1/counters/1/stats", bearer(operator));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getInteger("served")).isEqualTo(2);
        assertThat(r.json().getLong("averageServiceSeconds")).isEqualTo(300);
        assertThat(r.json().getInteger("noShows")).isEqualTo(1);
        assertThat(r.json().getString("day")).isEqualTo("2026-11-26");
    }

    private void serve(int counter, Duration length) {
        assertThat(server.act(counter, "call-next", operator).status()).isEqualTo(200);
        server.clock().advance(Duration.ofSeconds(20));
        server.act(counter, "start", operator);
        server.clock().advance(length);
        assertThat(server.act(counter, "complete", operator).json().getString("status")).isEqualTo("completed");
    }

    @Test
    @DisplayName("A counter's day counts only its own work, and starts again at midnight in Thanh Hóa")
    void counterStatsAreItsOwnAndToday() {
        server.issue("hac-thanh", "chung-thuc");
        server.open(1, operator, "chung-thuc");
        serve(1, Duration.ofMinutes(5));

        assertThat(server.api().get("/api/v1/counters/2/stats", bearer(operator)).json().getInteger("served")).isZero();
        assertThat(server.api().get("/api/v1/counters/1/stats", bearer(operator)).json().getInteger("served")).isOne();

        server.clock().advance(Duration.ofHours(16));
        JsonObject tomorrow = server.api().get("/api/v1/counters/1/stats", bearer(operator)).json();
        assertThat(tomorrow.getString("day")).isEqualTo("2026-11-27");
        assertThat(tomorrow.getInteger("served")).isZero();
        assertThat(tomorrow.getValue("averageServiceSeconds")).isNull();
    }

    @Test
    @DisplayName("A counter's day needs a login, and an unknown counter is a 404")
    void counterStatsNeedStaff() {
        assertThat(server.api().get("/api/v1/counters/1/stats").status()).isEqualTo(401);
        assertThat(server.api().get("/api/v1/counters/99/stats", bearer(operator)).status()).isEqualTo(404);
    }
}
