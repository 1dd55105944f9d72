package vn.luot.core.live;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.support.TestServer.bearer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.LiveSocket;
import vn.luot.core.support.ServerPerTest;
import vn.luot.core.support.TestServer;

@DisplayName("WebSocket /ws/sites/{siteId}")
class SiteSocketTest extends ServerPerTest {
    private String operator;

    @BeforeEach
    void newOperator() {
        operator = server.newStaff("operator");
    }

    private LiveSocket connect(String site) {
        return LiveSocket.open(server.wsUrl("/ws/sites/" + site));
    }

    @Test
    @DisplayName("A new subscriber first gets a snapshot: counters, current calls, waiting counts and a sequence number")
    void snapshotFirst() {
        server.issue("hac-thanh", "ho-tich");
        server.issue("hac-thanh", "ho-tich");
        JsonObject third = server.issue("hac-thanh", "ho-tich");
        server.open(3, operator, "ho-tich");
        JsonObject called = server.act(3, "call-next", operator).json();

        try (LiveSocket socket = connect("hac-thanh")) {
            JsonObject snapshot = socket.next();

            assertThat(snapshot.getString("type")).isEqualTo("snapshot");
            assertThat(snapshot.getLong("seq")).isGreaterThan(0);
            JsonObject counter3 = find(snapshot.getJsonArray("counters"), "id", 3);
            assertThat(counter3.getString("state")).isEqualTo("open");
            assertThat(counter3.getJsonObject("current").getString("number")).isEqualTo(called.getString("number"));
            JsonObject hoTich = find(snapshot.getJsonArray("queues"), "serviceId", "ho-tich");
            assertThat(hoTich.getInteger("waiting")).isEqualTo(2);
            // Counter 3 has just called a ticket (10 min on average, 7.8 by the median a ticket just begun still
            // needs: 10 / sqrt(1 + 0.8²)), then two wait ahead (10 min each).
            assertThat(hoTich.getInteger("estimatedWaitMinutes")).isEqualTo(28);
            assertThat(snapshot.getJsonArray("counters")).hasSize(8);
            assertThat(snapshot.getJsonArray("recentCalls").getJsonObject(0).getString("number"))
                    .isEqualTo(called.getString("number"));
            assertThat(third.getString("id")).isNotBlank();
        }
    }

    @Test
    @DisplayName("Every kind of event follows, each with a sequence number one higher than the last")
    void everyEventInSequence() {
        try (LiveSocket socket = connect("hac-thanh"); LiveSocket other = connect("tinh")) {
            long seq = socket.next().getLong("seq");
            other.next();
            List<String> types = new ArrayList<>();

            server.open(3, operator, "ho-tich");
            server.issue("hac-thanh", "ho-tich");
            server.issue("hac-thanh", "ho-tich");
            JsonObject cancelMe = server.issue("hac-thanh", "ho-tich");
            server.cancel(cancelMe);
            server.act(3, "call-next", operator);
            server.act(3, "recall", operator);
            server.act(3, "no-show", operator);
            server.act(3, "call-next", operator);
            server.act(3, "return", operator);
            server.act(3, "call-next", operator);
            server.act(3, "start", operator);
            server.act(3, "complete", operator);
            server.issue("hac-thanh", "ho-tich");
            server.act(3, "call-next", operator);
            server.api().post("/api/v1/counters/3/transfer", new JsonObject().put("siteId", "tinh"), bearer(operator));
            server.act(3, "pause", operator);
            server.act(3, "resume", operator);
            server.act(3, "close", operator);

            for (int i = 0; i < 19; i++) {
                JsonObject event = socket.nextEvent();
                assertThat(event.getLong("seq")).as(event.getString("type")).isEqualTo(++seq);
                types.add(event.getString("type"));
            }
            assertThat(types).containsExactly("counter.opened", "ticket.issued", "ticket.issued", "ticket.issued",
                    "ticket.cancelled", "ticket.called", "ticket.recalled", "ticket.no_show", "ticket.called",
                    "ticket.returned", "ticket.called", "ticket.serving", "ticket.completed", "ticket.issued",
                    "ticket.called", "ticket.transferred", "counter.paused", "counter.resumed", "counter.closed");
        }
    }

    @Test
    @DisplayName("A call event carries the ticket, the counter and the changed line")
    void callEventCarriesTicketCounterAndLine() {
        server.issue("hac-thanh", "chung-thuc");
        server.open(1, operator, "chung-thuc");
        try (LiveSocket socket = connect("hac-thanh")) {
            socket.next();
            server.act(1, "call-next", operator);

            JsonObject called = socket.nextEvent();

            assertThat(called.getString("type")).isEqualTo("ticket.called");
            assertThat(called.getJsonObject("ticket").getString("number")).isEqualTo("A001");
            assertThat(called.getJsonObject("counter").getInteger("id")).isEqualTo(1);
            assertThat(called.getJsonObject("counter").getJsonObject("current").getString("number")).isEqualTo("A001");
            assertThat(find(called.getJsonArray("queues"), "serviceId", "chung-thuc").getInteger("waiting")).isZero();
        }
    }

    @Test
    @DisplayName("A transfer to the other site is announced in both halls")
    void transferIsAnnouncedInBothHalls() {
        server.issue("hac-thanh", "dat-dai");
        server.open(5, operator, "dat-dai");
        server.act(5, "call-next", operator);
        try (LiveSocket here = connect("hac-thanh"); LiveSocket there = connect("tinh")) {
            here.next();
            there.next();

            server.api().post("/api/v1/counters/5/transfer", new JsonObject().put("siteId", "tinh"), bearer(operator));

            JsonObject left = here.nextEvent();
            JsonObject arrived = there.nextEvent();
            assertThat(left.getString("type")).isEqualTo("ticket.transferred");
            assertThat(left.getJsonObject("counter").getString("currentTicketId")).isNull();
            assertThat(arrived.getString("type")).isEqualTo("ticket.transferred");
            assertThat(arrived.getString("fromSiteId")).isEqualTo("hac-thanh");
            assertThat(find(arrived.getJsonArray("queues"), "serviceId", "dat-dai").getInteger("waiting")).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("A client that asks to resync gets a fresh snapshot, and the sequence goes on after it")
    void resyncSendsAFreshSnapshot() {
        try (LiveSocket socket = connect("tinh")) {
            long seq = socket.next().getLong("seq");
            server.issue("tinh", "chung-thuc");
            assertThat(socket.nextEvent().getLong("seq")).isEqualTo(seq + 1);

            socket.send(new JsonObject().put("type", "resync"));
            JsonObject snapshot = socket.nextEvent();
            server.issue("tinh", "chung-thuc");

            assertThat(snapshot.getString("type")).isEqualTo("snapshot");
            assertThat(snapshot.getLong("seq")).isEqualTo(seq + 1);
            assertThat(find(snapshot.getJsonArray("queues"), "serviceId", "chung-thuc").getInteger("waiting")).isEqualTo(1);
            assertThat(socket.nextEvent().getLong("seq")).isEqualTo(seq + 2);
        }
    }

    @Test
    @DisplayName("Events of one site do not reach the other site's hall")
    void sitesAreSeparate() {
        try (LiveSocket tinh = connect("tinh")) {
            tinh.next();
            server.issue("hac-thanh", "chung-thuc");
            server.issue("tinh", "ho-tich");

            JsonObject event = tinh.nextEvent();
            assertThat(event.getJsonObject("ticket").getString("siteId")).isEqualTo("tinh");
        }
    }

    @Test
    @DisplayName("An unknown site is refused with a 404 before any upgrade")
    void unknownSiteIs404() {
        assertThat(server.api().get("/ws/sites/nowhere").status()).isEqualTo(404);
    }

    private static JsonObject find(JsonArray items, String key, Object value) {
        for (int i = 0; i < items.size(); i++) {
            if (value.equals(items.getJsonObject(i).getValue(key))) {
                return items.getJsonObject(i);
            }
        }
        throw new AssertionError("no item with " + key + "=" + value + " in " + items.encode());
    }
}
