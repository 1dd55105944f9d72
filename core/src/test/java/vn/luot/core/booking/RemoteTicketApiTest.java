package vn.luot.core.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.TestServer;

/** Today's number from a distance ({@code /book/now}). The clock reads Thursday 26/11/2026, 08:30. */
@DisplayName("POST /api/v1/remote-tickets: today's number from a distance")
class RemoteTicketApiTest {
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

    private Response take(int travelMinutes, String key) {
        return server.api().post("/api/v1/remote-tickets", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", "dat-dai").put("phone", "+84 912 345 678").put("travelMinutes", travelMinutes),
                "Idempotency-Key", key);
    }

    @Test
    @DisplayName("A remote ticket has the channel remote and advice to arrive 10 minutes before the expected turn, "
            + "no sooner than the journey allows")
    void remoteTicketWithAdvice() {
        server.open(5, operator, "dat-dai");
        for (int i = 0; i < 4; i++) {
            server.issue("hac-thanh", "dat-dai");
        }

        Response r = take(15, UUID.randomUUID().toString());

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonObject ticket = r.json();
        assertThat(ticket.getString("channel")).isEqualTo("remote");
        assertThat(ticket.getInteger("position")).isEqualTo(4);
        Instant issued = java.time.OffsetDateTime.parse(ticket.getString("issuedAt")).toInstant();
        Instant arriveBy = java.time.OffsetDateTime.parse(ticket.getString("arriveBy")).toInstant();
        Instant leaveBy = java.time.OffsetDateTime.parse(ticket.getString("leaveBy")).toInstant();
        int wait = ticket.getInteger("estimatedWaitMinutes");
        assertThat(wait).isPositive();
        Instant turn = issued.plusSeconds(wait * 60L);
        Instant expected = turn.minusSeconds(600).isAfter(issued.plusSeconds(900)) ? turn.minusSeconds(600)
                : issued.plusSeconds(900);
        assertThat(arriveBy).isEqualTo(expected);
        assertThat(leaveBy).isEqualTo(arriveBy.minusSeconds(900));
        assertThat(r.body()).doesNotContain("0912345678");
        assertThat(server.count("SELECT count(*) FROM tickets WHERE channel = 'remote' AND phone = '0912345678'"))
                .isEqualTo(1);
    }

    @Test
    @DisplayName("Retrying with the same Idempotency-Key gives the same ticket, not a second one")
    void idempotent() {
        String key = UUID.randomUUID().toString();

        Response first = take(10, key);
        Response retry = take(10, key);

        assertThat(retry.json().getString("id")).isEqualTo(first.json().getString("id"));
        assertThat(server.count("SELECT count(*) FROM tickets")).isEqualTo(1);
    }

    @Test
    @DisplayName("A remote ticket is called like any other, and its holder who is not there is a no-show")
    void calledLikeAnyOther() {
        String id = take(0, UUID.randomUUID().toString()).json().getString("id");
        server.open(5, operator, "dat-dai");

        Response called = server.act(5, "call-next", operator);
        Response noShow = server.act(5, "no-show", operator);

        assertThat(called.json().getString("id")).isEqualTo(id);
        assertThat(noShow.status()).as(noShow.body()).isEqualTo(200);
        assertThat(server.api().get("/api/v1/tickets/" + id).json().getString("status")).isEqualTo("no_show");
    }

    @Test
    @DisplayName("A landline, a missing phone or an impossible travel time is a 400 and issues nothing")
    void badRequests() {
        assertThat(server.api().post("/api/v1/remote-tickets", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", "dat-dai").put("phone", "0237 3852 123")).error()).isEqualTo("invalid_field");
        assertThat(server.api().post("/api/v1/remote-tickets", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", "dat-dai")).status()).isEqualTo(400);
        assertThat(server.api().post("/api/v1/remote-tickets", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", "dat-dai").put("phone", "0912345678").put("travelMinutes", 999)).status())
                .isEqualTo(400);
        assertThat(server.count("SELECT count(*) FROM tickets")).isZero();
    }
}
