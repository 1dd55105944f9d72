package vn.luot.core.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.LiveSocket;
import vn.luot.core.support.TestServer;

/**
 * Issue 15: a long hall's plays run off the live hub's thread. Here every play after the first does
 * ({@code queue.estimateInlinePlayMillis: 0}), so a small hall shows what a long one does.
 */
@DisplayName("Plays of a long hall, off the hub's thread")
class LongHallPlaysTest {
    private TestServer server;
    private String operator;

    @BeforeEach
    void start() {
        server = TestServer.start(config -> config.withQueue(config.queue().withInlinePlay(Duration.ZERO)));
        operator = server.newStaff("operator");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @DisplayName("The event answered from the kept forecast is followed, in sequence, by queues.updated with the lines the new play moved")
    void playedLinesFollowTheEvent() {
        server.open(1, operator, "chung-thuc");
        for (int i = 0; i < 3; i++) {
            server.issue("hac-thanh", "chung-thuc");
        }
        try (LiveSocket socket = LiveSocket.open(server.wsUrl("/ws/sites/hac-thanh"))) {
            JsonObject snapshot = socket.next();
            int before = estimate(snapshot.getJsonArray("queues"));
            long seq = snapshot.getLong("seq");

            // A priority ticket is called before the three: a new normal ticket now waits one mean longer.
            // The kept forecast does not see that (a priority ticket moves only its own line there); the play does.
            server.issue(new JsonObject().put("siteId", "hac-thanh").put("serviceId", "chung-thuc")
                    .put("priority", "elderly"));
            int mean = (int) server.config().catalogue().service("chung-thuc").meanServiceTime().toMinutes();

            List<String> types = new ArrayList<>();
            int held = before;
            while (held != before + mean) {
                JsonObject message = socket.next();
                if ("heartbeat".equals(message.getString("type"))) {
                    continue;
                }
                assertThat(message.getLong("seq")).isEqualTo(seq + 1);
                seq = message.getLong("seq");
                types.add(message.getString("type"));
                JsonArray queues = message.getJsonArray("queues", new JsonArray());
                if (hasLine(queues)) {
                    held = estimate(queues);
                }
            }
            assertThat(types).first().isEqualTo("ticket.issued");
            assertThat(types).last().isEqualTo("queues.updated");
        }
    }

    private static boolean hasLine(JsonArray queues) {
        return queues.stream().anyMatch(q -> "chung-thuc".equals(((JsonObject) q).getString("serviceId")));
    }

    private static int estimate(JsonArray queues) {
        return queues.stream().map(JsonObject.class::cast).filter(q -> "chung-thuc".equals(q.getString("serviceId")))
                .findFirst().orElseThrow().getInteger("estimatedWaitMinutes");
    }
}
