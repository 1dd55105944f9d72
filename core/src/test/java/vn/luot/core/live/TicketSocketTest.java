package vn.luot.core.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.LiveSocket;
import vn.luot.core.support.ServerPerTest;

@DisplayName("WebSocket /ws/tickets/{ticketId}")
class TicketSocketTest extends ServerPerTest {
    private String operator;

    @BeforeEach
    void newOperator() {
        operator = server.newStaff("operator");
    }

    @Test
    @DisplayName("A phone sees its ticket's place, estimate and status change as the tickets ahead are called")
    void followsPositionAndStatus() {
        server.open(1, operator, "chung-thuc");
        server.issue("hac-thanh", "chung-thuc");
        server.issue("hac-thanh", "chung-thuc");
        JsonObject mine = server.issue("hac-thanh", "chung-thuc");

        try (LiveSocket phone = LiveSocket.open(server.wsUrl("/ws/tickets/" + mine.getString("id")))) {
            JsonObject first = phone.next();
            assertThat(first.getString("type")).isEqualTo("ticket");
            assertThat(first.getInteger("position")).isEqualTo(2);
            assertThat(first.getInteger("estimatedWaitMinutes")).isEqualTo(10);

            // Every change of place or estimate is sent (a counter finishing moves the estimate too).
            server.act(1, "call-next", operator);
            assertThat(phone.next().getInteger("position")).isEqualTo(1);
            server.act(1, "complete", operator);
            server.act(1, "call-next", operator);
            assertThat(phone.nextMatching(m -> Integer.valueOf(0).equals(m.getInteger("position")))).isNotNull();
            server.act(1, "complete", operator);
            server.act(1, "call-next", operator);

            JsonObject called = phone.nextMatching(m -> m.getJsonObject("ticket") != null
                    && "called".equals(m.getJsonObject("ticket").getString("status")));
            assertThat(called.getJsonObject("ticket").getString("status")).isEqualTo("called");
            assertThat(called.getJsonObject("ticket").getInteger("counterId")).isEqualTo(1);
            assertThat(called.getInteger("position")).isNull();
        }
    }

    @Test
    @DisplayName("News that does not change the phone's view is not sent")
    void quietWhenNothingChanges() {
        JsonObject mine = server.issue("hac-thanh", "ho-tich");
        try (LiveSocket phone = LiveSocket.open(server.wsUrl("/ws/tickets/" + mine.getString("id")))) {
            phone.next();
            server.issue("hac-thanh", "ho-tich");
            server.issue("hac-thanh", "chung-thuc");
            JsonObject cancelled = server.cancel(mine).json();

            JsonObject next = phone.next();
            assertThat(next.getJsonObject("ticket").getString("status")).isEqualTo(cancelled.getString("status"));
        }
    }

    @Test
    @DisplayName("A phone gets a heartbeat every 10 seconds, so it can tell a dead connection from a quiet hall")
    void heartbeats() {
        JsonObject mine = server.issue("tinh", "ho-tich");
        try (LiveSocket phone = LiveSocket.open(server.wsUrl("/ws/tickets/" + mine.getString("id")))) {
            phone.next();

            JsonObject beat = phone.next(java.time.Duration.ofSeconds(15));

            assertThat(beat.getString("type")).isEqualTo("heartbeat");
        }
    }

    @Test
    @DisplayName("An unknown ticket gets an error message and the close code 4404")
    void unknownTicket() {
        try (LiveSocket phone = LiveSocket.open(server.wsUrl("/ws/tickets/" + UUID.randomUUID()))) {
            JsonObject error = phone.next();
            assertThat(error.getString("error")).isEqualTo("ticket_not_found");
        }
    }
}
