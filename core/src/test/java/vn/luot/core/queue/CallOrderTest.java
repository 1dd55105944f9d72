package vn.luot.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.support.TestServer;

/** The call policy, seen from a counter: which ticket comes next. */
@DisplayName("The order in which a counter calls tickets")
class CallOrderTest {
    private TestServer server;
    private String operator;

    private void start(UnaryOperator<LuotConfig> tweak) {
        server = TestServer.start(tweak);
        operator = server.newStaff("operator");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String issue(String service, String priority) {
        JsonObject request = new JsonObject().put("siteId", "hac-thanh").put("serviceId", service);
        if (priority != null) {
            request.put("priority", priority);
        }
        return server.issue(request).getString("number");
    }

    private List<String> callAll(int counter) {
        List<String> order = new ArrayList<>();
        while (true) {
            var r = server.act(counter, "call-next", operator);
            if (r.status() == 204) {
                return order;
            }
            order.add(r.json().getString("number"));
            server.act(counter, "complete", operator);
        }
    }

    @Test
    @DisplayName("Priority tickets go before normal tickets of the same service")
    void priorityFirst() {
        start(UnaryOperator.identity());
        String normal = issue("chung-thuc", null);
        server.clock().advance(Duration.ofMinutes(1));
        String elderly = issue("chung-thuc", "elderly");
        server.clock().advance(Duration.ofMinutes(1));
        String pregnant = issue("chung-thuc", "pregnant");
        server.open(1, operator, "chung-thuc");

        assertThat(callAll(1)).containsExactly(elderly, pregnant, normal);
    }

    @Test
    @DisplayName("Once a normal ticket has waited past its target, at most 2 priority calls in a row go ahead of it")
    void noStarvationAfterTwoPriorityCalls() {
        start(UnaryOperator.identity());
        String normal = issue("chung-thuc", null);
        server.clock().advance(Duration.ofMinutes(16));
        String p1 = issue("chung-thuc", "elderly");
        String p2 = issue("chung-thuc", "disability");
        String p3 = issue("chung-thuc", "meritorious");
        String p4 = issue("chung-thuc", "small-child");
        server.open(1, operator, "chung-thuc");

        assertThat(callAll(1)).containsExactly(p1, p2, normal, p3, p4);
    }

    @Test
    @DisplayName("Before a normal ticket reaches its target, priority tickets keep going first")
    void priorityStreakAllowedWhileNormalIsWithinTarget() {
        start(UnaryOperator.identity());
        String normal = issue("chung-thuc", null);
        server.clock().advance(Duration.ofMinutes(5));
        String p1 = issue("chung-thuc", "elderly");
        String p2 = issue("chung-thuc", "elderly");
        String p3 = issue("chung-thuc", "elderly");
        server.open(1, operator, "chung-thuc");

        assertThat(callAll(1)).containsExactly(p1, p2, p3, normal);
    }

    @Test
    @DisplayName("The limit of priority calls in a row is configurable")
    void limitIsConfigurable() {
        start(config -> config.withQueue(new LuotConfig.Queue(1, config.queue().serviceTimeSmoothing(),
                config.queue().serviceTimeLogSmoothing(),
                config.queue().issuingHours())));
        String normal = issue("chung-thuc", null);
        server.clock().advance(Duration.ofMinutes(20));
        String p1 = issue("chung-thuc", "elderly");
        String p2 = issue("chung-thuc", "elderly");
        server.open(1, operator, "chung-thuc");

        assertThat(callAll(1)).containsExactly(p1, normal, p2);
    }

    @Test
    @DisplayName("Across services, the ticket whose wait is largest relative to its service's target goes first")
    void acrossServicesByWaitRelativeToTarget() {
        start(UnaryOperator.identity());
        String hoTich = issue("ho-tich", null);           // target 20 min; will have waited 15 (0.75)
        server.clock().advance(Duration.ofMinutes(3));
        String chungThuc = issue("chung-thuc", null);     // target 15 min; will have waited 12 (0.80)
        server.clock().advance(Duration.ofMinutes(12));
        server.open(1, operator, "chung-thuc", "ho-tich");

        assertThat(callAll(1)).containsExactly(chungThuc, hoTich);
    }

    @Test
    @DisplayName("Across services, an older ticket can still lose to one that is further past its target")
    void acrossServicesTheOtherWayRound() {
        start(UnaryOperator.identity());
        String datDai = issue("dat-dai", null);           // target 30 min; will have waited 20 (0.67)
        server.clock().advance(Duration.ofMinutes(10));
        String traKetQua = issue("tra-ket-qua", null);    // target 10 min; will have waited 10 (1.0)
        server.clock().advance(Duration.ofMinutes(10));
        server.open(5, operator, "dat-dai", "tra-ket-qua");

        assertThat(callAll(5)).containsExactly(traKetQua, datDai);
    }
}
