package vn.luot.core.ratings;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.support.TestServer.bearer;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.ServerPerTest;

/** Ratings after service: one per ticket, within the window, from the counter's tablet or the phone. */
@DisplayName("Ratings: /api/v1/tickets/{id}/rating, /api/v1/counters/{id}/ratings and the tablets' tokens")
class RatingApiTest extends ServerPerTest {
    private String operator;

    @BeforeEach
    void staff() {
        operator = server.newStaff("operator");
    }

    /** Holder secrets of the tickets issued here, by ticket id: the phone proves with it that it holds the ticket. */
    private final java.util.Map<String, String> secrets = new java.util.HashMap<>();

    /** A chứng thực ticket served and completed at counter 2; returns its id. */
    private String servedTicket() {
        JsonObject issued = server.issue("hac-thanh", "chung-thuc");
        String id = issued.getString("id");
        secrets.put(id, issued.getString("holderSecret"));
        server.open(2, operator, "chung-thuc");
        assertThat(server.act(2, "call-next", operator).status()).isEqualTo(200);
        server.clock().advance(Duration.ofMinutes(4));
        assertThat(server.act(2, "complete", operator).status()).isEqualTo(200);
        return id;
    }

    private String[] holder(String ticketId) {
        return new String[] {"X-Holder-Secret", secrets.get(ticketId)};
    }

    private String tabletToken(int counter) {
        Response r = server.api().post("/api/v1/counters/" + counter + "/rating-token", null,
                bearer(server.adminToken()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("token");
    }

    @Test
    @DisplayName("A served ticket is rated once; a second rating is refused with a clear 409 and changes nothing")
    void oncePerTicket() {
        String ticket = servedTicket();
        assertThat(server.api().get("/api/v1/tickets/" + ticket + "/rating").json().getBoolean("open")).isTrue();

        Response first = server.api().post("/api/v1/tickets/" + ticket + "/rating",
                new JsonObject().put("level", "satisfied"), holder(ticket));
        Response second = server.api().post("/api/v1/tickets/" + ticket + "/rating",
                new JsonObject().put("level", "dissatisfied"), "X-Holder-Secret", secrets.get(ticket),
                "Accept-Language", "vi");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().getString("source")).isEqualTo("phone");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.error()).isEqualTo("rating_already_given");
        assertThat(second.json().getString("message")).isEqualTo(
                "Số thứ tự A001 đã được đánh giá; mỗi số chỉ được đánh giá một lần.");
        assertThat(server.count("SELECT count(*) FROM ratings")).isEqualTo(1);
        assertThat(server.count("SELECT level FROM ratings")).isEqualTo(3);
        JsonObject status = server.api().get("/api/v1/tickets/" + ticket + "/rating").json();
        assertThat(status.getBoolean("rated")).isTrue();
        assertThat(status.getBoolean("open")).isFalse();
    }

    @Test
    @DisplayName("A phone rating needs the ticket's holder secret: none is a 401, a wrong one a 403, and nothing is recorded")
    void phoneNeedsTheHolderSecret() {
        String ticket = servedTicket();
        JsonObject rating = new JsonObject().put("level", "satisfied");

        assertThat(server.api().post("/api/v1/tickets/" + ticket + "/rating", rating).status()).isEqualTo(401);
        assertThat(server.api().post("/api/v1/tickets/" + ticket + "/rating", rating,
                "X-Holder-Secret", "AAAAAAAAAAAAAAAAAAAAAA").status()).isEqualTo(403);
        assertThat(server.count("SELECT count(*) FROM ratings")).isZero();
    }

    @Test
    @DisplayName("The rating keeps the ticket's service, counter and the member of staff who served it")
    void tiedToServiceCounterAndStaff() {
        String ticket = servedTicket();
        server.api().post("/api/v1/tickets/" + ticket + "/rating", new JsonObject().put("level", "very_satisfied"),
                holder(ticket));
        String username = server.api().get("/api/v1/auth/me", bearer(operator)).json().getString("username");

        assertThat(server.count("SELECT count(*) FROM ratings WHERE service_id = 'chung-thuc' AND counter_id = 2 "
                + "AND site_id = 'hac-thanh' AND staff = '" + username + "'")).isEqualTo(1);
    }

    @Test
    @DisplayName("Ratings older than the 24-hour window after service are refused, and a ticket not yet served cannot be rated")
    void windowAndState() {
        JsonObject issued = server.issue("hac-thanh", "ho-tich");
        String waiting = issued.getString("id");
        secrets.put(waiting, issued.getString("holderSecret"));
        Response early = server.api().post("/api/v1/tickets/" + waiting + "/rating",
                new JsonObject().put("level", "satisfied"), holder(waiting));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.error()).isEqualTo("rating_not_open");

        String served = servedTicket();
        server.clock().advance(Duration.ofHours(24).plusMinutes(1));
        Response late = server.api().post("/api/v1/tickets/" + served + "/rating",
                new JsonObject().put("level", "satisfied"), holder(served));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.error()).isEqualTo("rating_window_closed");
        assertThat(server.api().get("/api/v1/tickets/" + served + "/rating").json().getBoolean("open")).isFalse();
        assertThat(server.count("SELECT count(*) FROM ratings")).isZero();
    }

    @Test
    @DisplayName("A reason is optional, only for a low rating, and one of the configured list; a bad level is a 400")
    void reasons() {
        String ticket = servedTicket();
        String path = "/api/v1/tickets/" + ticket + "/rating";
        String[] holder = holder(ticket);

        assertThat(server.api().post(path, new JsonObject().put("level", "very_satisfied").put("reason", "cho-lau"),
                holder)
                .status()).isEqualTo(400);
        assertThat(server.api().post(path, new JsonObject().put("level", "dissatisfied").put("reason", "mưa"),
                holder)
                .status()).isEqualTo(400);
        assertThat(server.api().post(path, new JsonObject().put("level", "5"), holder).error()).isEqualTo("invalid_field");
        assertThat(server.count("SELECT count(*) FROM ratings")).isZero();
        assertThat(server.api().post(path, new JsonObject().put("level", "neutral").put("reason", "thai-do"),
                holder)
                .status()).isEqualTo(201);
        assertThat(server.count("SELECT count(*) FROM ratings WHERE reason = 'thai-do' AND level = 2")).isEqualTo(1);
    }

    @Test
    @DisplayName("The counter's tablet rates with its device token, only tickets its counter served")
    void tablet() {
        String ticket = servedTicket();
        String token = tabletToken(2);
        String otherTablet = tabletToken(3);
        JsonObject rating = new JsonObject().put("ticketId", ticket).put("level", "satisfied");

        assertThat(server.api().post("/api/v1/counters/2/ratings", rating).status()).isEqualTo(401);
        assertThat(server.api().post("/api/v1/counters/2/ratings", rating, bearer(otherTablet)).status())
                .isEqualTo(401);
        assertThat(server.api().post("/api/v1/counters/3/ratings", rating, bearer(otherTablet)).error())
                .isEqualTo("rating_other_counter");
        Response ok = server.api().post("/api/v1/counters/2/ratings", rating, bearer(token));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().getString("source")).isEqualTo("counter");
        assertThat(server.api().post("/api/v1/counters/2/ratings", rating, bearer(token)).error())
                .isEqualTo("rating_already_given");
    }

    @Test
    @DisplayName("Tablet tokens are for admins; a new token replaces the old, and a retried request issues none twice")
    void tabletTokens() {
        String first = tabletToken(2);
        String second = tabletToken(2);
        String ticket = servedTicket();
        JsonObject rating = new JsonObject().put("ticketId", ticket).put("level", "satisfied");

        assertThat(server.api().post("/api/v1/counters/2/ratings", rating, bearer(first)).status()).isEqualTo(401);
        assertThat(server.api().post("/api/v1/counters/2/rating-token", null, bearer(operator)).status())
                .isEqualTo(403);
        String admin = server.adminToken();
        assertThat(server.api().post("/api/v1/counters/2/rating-token", null, "Authorization", "Bearer " + admin,
                "Idempotency-Key", "tablet-2-once").status()).isEqualTo(201);
        assertThat(server.api().post("/api/v1/counters/2/rating-token", null, "Authorization", "Bearer " + admin,
                "Idempotency-Key", "tablet-2-once").error()).isEqualTo("rating_token_already_issued");
        assertThat(server.api().post("/api/v1/counters/2/ratings", rating, bearer(second)).status()).isEqualTo(401);
        assertThat(server.api().post("/api/v1/counters/99/rating-token", null, bearer(admin)).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("The rating options say the four levels best first, the reasons in both languages and the tablet's timing")
    void options() {
        JsonObject options = server.api().get("/api/v1/rating-options").json();

        assertThat(options.getJsonArray("levels").stream().map(l -> ((JsonObject) l).getString("id")))
                .containsExactly("very_satisfied", "satisfied", "neutral", "dissatisfied");
        assertThat(options.getJsonArray("levels").getJsonObject(2).getBoolean("asksReason")).isTrue();
        assertThat(options.getJsonArray("reasons").getJsonObject(0).getJsonObject("name").getString("vi"))
                .isEqualTo("Chờ lâu");
        assertThat(options.getInteger("thanksSeconds")).isEqualTo(30);
        assertThat(options.getInteger("windowHours")).isEqualTo(24);
    }
}
