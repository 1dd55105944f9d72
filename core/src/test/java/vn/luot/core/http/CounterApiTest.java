package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.support.TestServer.bearer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.ServerPerTest;
import vn.luot.core.support.TestServer;

/** Working a counter through the API. Each test gets a server and a database of its own. */
@DisplayName("POST /api/v1/counters/{id}/...")
class CounterApiTest extends ServerPerTest {
    private String operator;

    @BeforeEach
    void newOperator() {
        operator = server.newStaff("operator");
    }

    private long rows(String table) {
        return server.count("SELECT count(*) FROM " + table);
    }

    @Test
    @DisplayName("An opened counter calls the waiting ticket and answers with it")
    void callNextAnswersWithTheTicket() {
        JsonObject ticket = server.issue("hac-thanh", "ho-tich");
        JsonObject counter = server.open(3, operator, "ho-tich");
        assertThat(counter.getString("state")).isEqualTo("open");

        Response r = server.act(3, "call-next", operator);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getString("id")).isEqualTo(ticket.getString("id"));
        assertThat(r.json().getString("number")).isEqualTo(ticket.getString("number"));
        assertThat(r.json().getString("status")).isEqualTo("called");
        assertThat(r.json().getInteger("counterId")).isEqualTo(3);
        assertThat(r.json().getString("event")).isEqualTo("ticket.called");
        assertThat(r.json().getJsonObject("counter").getString("currentTicketId")).isEqualTo(ticket.getString("id"));
    }

    @Test
    @DisplayName("Call next answers 204 when nobody is waiting for the counter's services")
    void callNextWithNobodyWaitingIs204() {
        server.issue("hac-thanh", "dat-dai");
        server.open(4, operator, "chinh-sach");

        assertThat(server.act(4, "call-next", operator).status()).isEqualTo(204);
    }

    @Test
    @DisplayName("A full serve cycle: call, recall, start, complete; each step shows in the ticket")
    void fullServeCycle() {
        JsonObject ticket = server.issue("hac-thanh", "chung-thuc");
        server.open(1, operator, "chung-thuc");
        server.act(1, "call-next", operator);

        Response recalled = server.act(1, "recall", operator);
        assertThat(recalled.json().getString("event")).isEqualTo("ticket.recalled");
        assertThat(recalled.json().getInteger("callCount")).isEqualTo(2);

        server.clock().advance(Duration.ofSeconds(30));
        Response started = server.act(1, "start", operator);
        assertThat(started.json().getString("status")).isEqualTo("serving");

        server.clock().advance(Duration.ofMinutes(6));
        Response completed = server.act(1, "complete", operator);
        assertThat(completed.json().getString("status")).isEqualTo("completed");
        assertThat(completed.json().getJsonObject("counter").getString("currentTicketId")).isNull();

        JsonObject stored = server.api().get("/api/v1/tickets/" + ticket.getString("id")).json();
        assertThat(stored.getString("status")).isEqualTo("completed");
        assertThat(stored.getString("servingAt")).isNotNull();
        assertThat(stored.getString("finishedAt")).isNotNull();
    }

    @Test
    @DisplayName("A no-show ends the ticket and frees the counter")
    void noShowFreesTheCounter() {
        server.issue("hac-thanh", "chung-thuc");
        server.open(2, operator, "chung-thuc");
        server.act(2, "call-next", operator);

        Response r = server.act(2, "no-show", operator);

        assertThat(r.json().getString("status")).isEqualTo("no_show");
        assertThat(server.api().get("/api/v1/counters/2").json().getString("currentTicketId")).isNull();
    }

    @Test
    @DisplayName("A returned ticket waits again in its original place, before later tickets")
    void returnedTicketKeepsItsPlace() {
        JsonObject first = server.issue("hac-thanh", "ho-tich");
        server.clock().advance(Duration.ofMinutes(1));
        JsonObject second = server.issue("hac-thanh", "ho-tich");
        server.open(3, operator, "ho-tich");
        server.act(3, "call-next", operator);

        Response returned = server.act(3, "return", operator);
        assertThat(returned.json().getString("status")).isEqualTo("waiting");
        assertThat(returned.json().getInteger("position")).isNull();

        JsonObject firstNow = server.api().get("/api/v1/tickets/" + first.getString("id")).json();
        JsonObject secondNow = server.api().get("/api/v1/tickets/" + second.getString("id")).json();
        assertThat(firstNow.getInteger("position")).isEqualTo(0);
        assertThat(secondNow.getInteger("position")).isEqualTo(1);
        assertThat(server.act(3, "call-next", operator).json().getString("id")).isEqualTo(first.getString("id"));
    }

    @Test
    @DisplayName("A ticket transferred to the other site keeps its number and its place by original issue time")
    void transferToTheOtherSiteKeepsNumberAndPlace() {
        String tinhOperator = server.newStaff("operator");
        JsonObject early = server.issue("hac-thanh", "dat-dai");
        server.clock().advance(Duration.ofMinutes(5));
        JsonObject waitingAtTinh = server.issue("tinh", "dat-dai");
        server.open(5, operator, "dat-dai");
        server.act(5, "call-next", operator);

        Response moved = server.api().post("/api/v1/counters/5/transfer",
                new JsonObject().put("siteId", "tinh").put("note", "hồ sơ đất ở điểm tỉnh"), bearer(operator));

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().getString("siteId")).isEqualTo("tinh");
        assertThat(moved.json().getString("number")).isEqualTo(early.getString("number"));
        assertThat(moved.json().getString("status")).isEqualTo("waiting");
        assertThat(moved.json().getString("note")).isEqualTo("hồ sơ đất ở điểm tỉnh");
        server.open(23, tinhOperator, "dat-dai");
        Response called = server.act(23, "call-next", tinhOperator);
        assertThat(called.json().getString("id")).as("the transferred ticket was issued earlier")
                .isEqualTo(early.getString("id"));
        assertThat(waitingAtTinh.getString("id")).isNotEqualTo(early.getString("id"));
        server.act(23, "complete", tinhOperator);
        server.act(23, "close", tinhOperator);
    }

    @Test
    @DisplayName("A ticket transferred to another service waits in that service's line")
    void transferToAnotherService() {
        server.issue("hac-thanh", "ho-tich");
        server.open(3, operator, "ho-tich");
        server.act(3, "call-next", operator);

        Response moved = server.api().post("/api/v1/counters/3/transfer",
                new JsonObject().put("serviceId", "chinh-sach"), bearer(operator));

        assertThat(moved.json().getString("serviceId")).isEqualTo("chinh-sach");
        String other = server.newStaff("operator");
        server.open(4, other, "chinh-sach");
        assertThat(server.act(4, "call-next", other).json().getString("id")).isEqualTo(moved.json().getString("id"));
    }

    @Test
    @DisplayName("A ticket transferred to one counter is called by that counter only")
    void transferToACounter() {
        server.issue("hac-thanh", "chung-thuc");
        String other = server.newStaff("operator");
        server.open(1, operator, "chung-thuc");
        server.open(2, other, "chung-thuc");
        server.act(1, "call-next", operator);

        Response moved = server.api().post("/api/v1/counters/1/transfer", new JsonObject().put("counterId", 2),
                bearer(operator));

        assertThat(moved.json().getInteger("assignedCounterId")).isEqualTo(2);
        assertThat(server.act(1, "call-next", operator).status()).isEqualTo(204);
        assertThat(server.act(2, "call-next", other).json().getString("id")).isEqualTo(moved.json().getString("id"));
    }

    @Test
    @DisplayName("Staff can call a specific number out of order")
    void callsASpecificNumber() {
        server.issue("hac-thanh", "ho-tich");
        JsonObject later = server.issue("hac-thanh", "ho-tich");
        server.open(3, operator, "ho-tich");

        Response r = server.api().post("/api/v1/counters/3/call",
                new JsonObject().put("number", later.getString("number")), bearer(operator));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getString("id")).isEqualTo(later.getString("id"));
    }

    @Test
    @DisplayName("Pausing, resuming and closing change the counter; a paused counter cannot call")
    void pauseResumeClose() {
        server.issue("hac-thanh", "kinh-doanh");
        server.open(7, operator, "kinh-doanh");

        assertThat(server.act(7, "pause", operator).json().getString("state")).isEqualTo("paused");
        Response refused = server.act(7, "call-next", operator);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error()).isEqualTo("counter_state");
        assertThat(server.act(7, "resume", operator).json().getString("state")).isEqualTo("open");
        assertThat(server.act(7, "close", operator).json().getString("state")).isEqualTo("closed");
    }

    @Test
    @DisplayName("Actions the ticket's or counter's state does not allow get 409 and change nothing")
    void stateConflictsAreRefusedAndChangeNothing() {
        server.issue("hac-thanh", "chung-thuc");
        server.open(1, operator, "chung-thuc");
        long history = rows("queue_history");

        assertThat(server.act(1, "complete", operator).error()).isEqualTo("no_current_ticket");
        assertThat(server.act(1, "recall", operator).error()).isEqualTo("no_current_ticket");
        server.act(1, "call-next", operator);
        long afterCall = rows("queue_history");
        assertThat(afterCall).isEqualTo(history + 1);

        Response busy = server.act(1, "call-next", operator);
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.error()).isEqualTo("counter_busy");
        assertThat(server.act(1, "pause", operator).error()).isEqualTo("counter_busy");
        assertThat(server.act(1, "close", operator).error()).isEqualTo("counter_busy");
        server.act(1, "start", operator);
        Response noShowWhileServing = server.act(1, "no-show", operator);
        assertThat(noShowWhileServing.status()).isEqualTo(409);
        assertThat(noShowWhileServing.error()).isEqualTo("ticket_state");
        Response wrongTicket = server.api().post("/api/v1/counters/1/complete",
                new JsonObject().put("ticketId", UUID.randomUUID().toString()), bearer(operator));
        assertThat(wrongTicket.error()).isEqualTo("ticket_not_current");
        assertThat(rows("queue_history")).isEqualTo(afterCall + 1);
        server.act(1, "complete", operator);
    }

    @Test
    @DisplayName("Bad counter requests get a 4xx naming the problem and change nothing")
    void badCounterRequests() {
        long history = rows("queue_history");

        assertThat(server.act(99, "call-next", operator).status()).isEqualTo(404);
        assertThat(server.act(99, "call-next", operator).error()).isEqualTo("counter_not_found");
        assertThat(server.api().post("/api/v1/counters/1/open", new JsonObject().put("services", "chung-thuc"),
                bearer(operator)).error()).isEqualTo("invalid_field");
        assertThat(server.api().post("/api/v1/counters/1/open", new JsonObject().put("services", new JsonArray()),
                bearer(operator)).error()).isEqualTo("invalid_field");
        assertThat(server.api().post("/api/v1/counters/21/open",
                new JsonObject().put("services", new JsonArray().add("kinh-doanh")), bearer(operator)).error())
                .isEqualTo("service_not_offered");
        assertThat(server.api().postRaw("/api/v1/counters/1/open", "{services:", bearer(operator)).error())
                .isEqualTo("malformed_json");
        assertThat(server.api().post("/api/v1/counters/1/transfer", new JsonObject(), bearer(operator)).error())
                .isEqualTo("transfer_target_missing");
        assertThat(rows("queue_history")).isEqualTo(history);
    }

    @Test
    @DisplayName("An operator may act only on the counter he opened; a manager may act on any")
    void operatorsActOnlyOnTheirOwnCounter() {
        String colleague = server.newStaff("operator");
        String manager = server.newStaff("manager");
        server.issue("hac-thanh", "ho-tich");
        server.open(3, operator, "ho-tich");

        Response notMine = server.act(3, "call-next", colleague);
        assertThat(notMine.status()).isEqualTo(403);
        assertThat(notMine.error()).isEqualTo("not_your_counter");
        Response takeOver = server.api().post("/api/v1/counters/3/open",
                new JsonObject().put("services", new JsonArray().add("ho-tich")), bearer(colleague));
        assertThat(takeOver.status()).isEqualTo(409);
        assertThat(takeOver.error()).isEqualTo("counter_in_use");

        assertThat(server.act(3, "call-next", manager).status()).isEqualTo(200);
        assertThat(server.act(3, "complete", manager).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("Staff actions need a valid token: missing, wrong or forged tokens get 401")
    void staffActionsNeedAToken() {
        Response missing = server.api().post("/api/v1/counters/1/call-next", null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.error()).isEqualTo("missing_token");
        Response garbage = server.api().post("/api/v1/counters/1/call-next", null, bearer("not.a.token"));
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.error()).isEqualTo("invalid_token");
    }

    @Test
    @DisplayName("A retried staff action with the same Idempotency-Key happens once and answers the same")
    void retriedActionsHappenOnce() {
        JsonObject first = server.issue("hac-thanh", "tra-ket-qua");
        JsonObject second = server.issue("hac-thanh", "tra-ket-qua");
        server.open(8, operator, "tra-ket-qua");
        String key = UUID.randomUUID().toString();
        String[] headers = {"Authorization", "Bearer " + operator, "Idempotency-Key", key};

        Response call = server.api().post("/api/v1/counters/8/call-next", null, headers);
        Response retry = server.api().post("/api/v1/counters/8/call-next", null, headers);

        assertThat(call.json().getString("id")).isEqualTo(first.getString("id"));
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().getString("id")).isEqualTo(first.getString("id"));
        JsonObject stillWaiting = server.api().get("/api/v1/tickets/" + second.getString("id")).json();
        assertThat(stillWaiting.getString("status")).isEqualTo("waiting");
        assertThat(server.count("SELECT count(*) FROM queue_history WHERE counter_id = 8 AND event = 'ticket.called'"))
                .isEqualTo(1);

        Response reused = server.api().post("/api/v1/counters/8/complete", null, headers);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.error()).isEqualTo("idempotency_key_reused");
        server.act(8, "complete", operator);
    }

    @Test
    @DisplayName("Counters and their state can be listed by anyone, per site")
    void listsCounters() {
        Response all = server.api().get("/api/v1/counters");
        Response tinh = server.api().get("/api/v1/counters?siteId=tinh");

        assertThat(all.array("counters")).hasSize(11);
        assertThat(tinh.array("counters")).hasSize(3);
        assertThat(tinh.array("counters").getJsonObject(0).getInteger("id")).isEqualTo(21);
    }
}
