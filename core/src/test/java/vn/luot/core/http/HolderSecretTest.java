package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.LiveSocket;
import vn.luot.core.support.ServerPerClassTest;
import vn.luot.core.support.TestServer;

@DisplayName("Only a ticket's holder may give it up")
class HolderSecretTest extends ServerPerClassTest {

    @Test
    @DisplayName("An anonymous subscriber of the site stream cannot cancel a ticket it saw issued, while its holder can")
    void streamSubscriberCannotCancel() {
        try (LiveSocket hall = LiveSocket.open(server.wsUrl("/ws/sites/hac-thanh"))) {
            hall.nextEvent();
            JsonObject held = server.issue("hac-thanh", "dat-dai");
            JsonObject seen = hall.nextMatching(m -> "ticket.issued".equals(m.getString("type")));
            String seenId = seen.getJsonObject("ticket").getString("id");
            assertThat(seenId).isEqualTo(held.getString("id"));
            assertThat(seen.encode()).doesNotContain(held.getString("holderSecret"));
            String cancel = "/api/v1/tickets/" + seenId + "/cancel";

            Response bare = server.api().post(cancel, null);
            Response guessed = server.api().post(cancel, null, "X-Holder-Secret", "AAAAAAAAAAAAAAAAAAAAAA");
            Response otherTicketsSecret = server.api().post(cancel, null,
                    "X-Holder-Secret", server.issue("hac-thanh", "dat-dai").getString("holderSecret"));

            assertThat(bare.status()).isEqualTo(401);
            assertThat(bare.error()).isEqualTo("holder_secret_missing");
            assertThat(guessed.status()).isEqualTo(403);
            assertThat(guessed.error()).isEqualTo("not_ticket_holder");
            assertThat(otherTicketsSecret.status()).isEqualTo(403);
            assertThat(server.api().get("/api/v1/tickets/" + seenId).json().getString("status")).isEqualTo("waiting");

            Response byHolder = server.cancel(held);
            assertThat(byHolder.status()).isEqualTo(200);
            assertThat(byHolder.json().getString("status")).isEqualTo("cancelled");
        }
    }

    @Test
    @DisplayName("Public views of a ticket never carry its holder secret, and a retried issue gets the same one back")
    void secretOnlyInTheIssueAnswer() {
        JsonObject request = new JsonObject().put("siteId", "hac-thanh").put("serviceId", "ho-tich");
        Response first = server.api().post("/api/v1/tickets", request, "Idempotency-Key", "holder-retry-1");
        Response retry = server.api().post("/api/v1/tickets", request, "Idempotency-Key", "holder-retry-1");
        String id = first.json().getString("id");
        String secret = first.json().getString("holderSecret");

        assertThat(retry.json().getString("holderSecret")).isEqualTo(secret);
        assertThat(server.api().get("/api/v1/tickets/" + id).body()).doesNotContain(secret);
        assertThat(server.api().get("/api/v1/counters").body()).doesNotContain(secret);
        assertThat(server.api().get("/api/v1/sites/hac-thanh").body()).doesNotContain(secret);
    }

    @Test
    @DisplayName("The guidance desk may cancel a citizen's ticket with a staff token instead of the holder secret")
    void staffMayCancel() {
        JsonObject held = server.issue("hac-thanh", "chung-thuc");
        String operator = server.newStaff("operator");

        Response r = server.api().post("/api/v1/tickets/" + held.getString("id") + "/cancel", null,
                TestServer.bearer(operator));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getString("status")).isEqualTo("cancelled");
    }
}
