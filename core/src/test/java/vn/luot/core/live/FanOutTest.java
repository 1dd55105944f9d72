package vn.luot.core.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.LiveSocket;
import vn.luot.core.support.ServerPerTest;

/** Issue 15: each live message encoded once for all its subscribers, and events that carry only what moved. */
@DisplayName("Live fan-out: encoded once, small events")
class FanOutTest extends ServerPerTest {
    private static final int SUBSCRIBERS = 6;
    private String operator;

    @BeforeEach
    void newOperator() {
        operator = server.newStaff("operator");
    }

    @Test
    @DisplayName("Each event is encoded once and the same message is written to every one of the hall's subscribers")
    void oneEncodingPerEventWhateverTheSubscribers() {
        List<LiveSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < SUBSCRIBERS; i++) {
                LiveSocket socket = LiveSocket.open(server.wsUrl("/ws/sites/hac-thanh"));
                sockets.add(socket);
                socket.next(); // its snapshot: one message encoded for one subscriber
            }
            double encodedBefore = metric("luot_live_messages_encoded_total");
            double writtenBefore = metric("luot_live_messages_written_total");

            server.open(1, operator, "chung-thuc");
            server.issue("hac-thanh", "chung-thuc");
            server.act(1, "call-next", operator);
            for (LiveSocket socket : sockets) {
                socket.nextMatching(m -> "ticket.called".equals(m.getString("type")));
            }

            // Three events (opened, issued, called), perhaps a heartbeat too: each encoded once, written six
            // times. Encoding per subscriber would make the two counts equal. Waited for, not timed: the
            // counts settle once every write of the last message has been made.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                double encoded = metric("luot_live_messages_encoded_total") - encodedBefore;
                double written = metric("luot_live_messages_written_total") - writtenBefore;
                assertThat(encoded).isGreaterThanOrEqualTo(3);
                assertThat(written).isEqualTo(SUBSCRIBERS * encoded);
            });
        } finally {
            sockets.forEach(LiveSocket::close);
        }
    }

    @Test
    @DisplayName("An event carries only the lines whose figures it moved, and a hall that applies every event to its snapshot holds the same lines as the server")
    void eventsCarryOnlyTheMovedLines() {
        server.open(1, operator, "chung-thuc");
        server.issue("hac-thanh", "chung-thuc");
        try (LiveSocket socket = LiveSocket.open(server.wsUrl("/ws/sites/hac-thanh"))) {
            JsonObject snapshot = socket.next();
            Map<String, JsonObject> lines = new LinkedHashMap<>();
            snapshot.getJsonArray("queues").forEach(q -> lines.put(((JsonObject) q).getString("serviceId"), (JsonObject) q));
            assertThat(lines).hasSizeGreaterThan(2);

            // No counter serves ho-tich: a ticket for it moves its own line only.
            server.issue("hac-thanh", "ho-tich");
            JsonObject issued = socket.nextEvent();
            assertThat(issued.getString("type")).isEqualTo("ticket.issued");
            assertThat(serviceIds(issued.getJsonArray("queues"))).containsExactly("ho-tich");
            assertThat(issued.getJsonArray("queues").getJsonObject(0).getInteger("waiting")).isEqualTo(1);
            apply(lines, issued);

            // A call takes the one chung-thuc ticket: that line moves, ho-tich does not.
            server.act(1, "call-next", operator);
            JsonObject called = socket.nextEvent();
            assertThat(called.getString("type")).isEqualTo("ticket.called");
            assertThat(serviceIds(called.getJsonArray("queues"))).contains("chung-thuc").doesNotContain("ho-tich");
            apply(lines, called);

            // Pausing the only counter changes no waiting count but the line's open counters: it goes.
            assertThat(server.act(1, "complete", operator).status()).isEqualTo(200);
            apply(lines, socket.nextEvent());
            assertThat(server.act(1, "pause", operator).status()).isEqualTo(200);
            JsonObject paused = socket.nextEvent();
            assertThat(paused.getString("type")).isEqualTo("counter.paused");
            assertThat(serviceIds(paused.getJsonArray("queues"))).contains("chung-thuc").doesNotContain("ho-tich");
            apply(lines, paused);

            JsonArray truth = server.api().get("/api/v1/sites/hac-thanh/queues").json().getJsonArray("queues");
            assertThat(truth).hasSize(lines.size());
            for (Object o : truth) {
                JsonObject expected = (JsonObject) o;
                JsonObject held = lines.get(expected.getString("serviceId"));
                for (String figure : List.of("waiting", "estimatedWaitMinutes", "countersOpen", "notBeforeClosing",
                        "oldestQueuedSince")) {
                    assertThat(held.getValue(figure)).as(expected.getString("serviceId") + " " + figure)
                            .isEqualTo(expected.getValue(figure));
                }
            }
        }
    }

    @Test
    @DisplayName("A resync after events gives the lines as the events left them, and the sequence goes on from it")
    void resyncGivesTheLinesAsOfItsSequence() {
        try (LiveSocket socket = LiveSocket.open(server.wsUrl("/ws/sites/hac-thanh"))) {
            socket.next();
            server.issue("hac-thanh", "ho-tich");
            server.issue("hac-thanh", "ho-tich");
            socket.nextEvent();
            long seq = socket.nextEvent().getLong("seq");

            socket.send(new JsonObject().put("type", "resync"));
            JsonObject snapshot = socket.nextMatching(m -> "snapshot".equals(m.getString("type")));
            server.issue("hac-thanh", "ho-tich");
            JsonObject next = socket.nextEvent();

            assertThat(snapshot.getLong("seq")).isEqualTo(seq);
            JsonObject hoTich = snapshot.getJsonArray("queues").stream().map(JsonObject.class::cast)
                    .filter(q -> "ho-tich".equals(q.getString("serviceId"))).findFirst().orElseThrow();
            assertThat(hoTich.getInteger("waiting")).isEqualTo(2);
            assertThat(next.getLong("seq")).isEqualTo(seq + 1);
            assertThat(serviceIds(next.getJsonArray("queues"))).containsExactly("ho-tich");
        }
    }

    private static void apply(Map<String, JsonObject> lines, JsonObject event) {
        event.getJsonArray("queues").forEach(q -> lines.put(((JsonObject) q).getString("serviceId"), (JsonObject) q));
    }

    private static List<String> serviceIds(JsonArray queues) {
        return queues.stream().map(q -> ((JsonObject) q).getString("serviceId")).toList();
    }

    private double metric(String name) {
        return server.api().get("/metrics").body().lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
