package vn.luot.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.MutableClock;
import vn.luot.core.support.ServerPerTest;
import vn.luot.core.support.TestServer;

@DisplayName("Ticket numbers")
class DailyNumberingTest extends ServerPerTest {

    private String issue(String site, String service) {
        return server.issue(site, service).getString("number");
    }

    @Test
    @DisplayName("Numbers are the service prefix and three digits, shared by both sites so none repeats")
    void prefixAndSequenceSharedAcrossSites() {
        assertThat(issue("hac-thanh", "chung-thuc")).isEqualTo("A001");
        assertThat(issue("tinh", "chung-thuc")).isEqualTo("A002");
        assertThat(issue("hac-thanh", "ho-tich")).isEqualTo("B001");
        assertThat(issue("hac-thanh", "chung-thuc")).isEqualTo("A003");
        assertThat(issue("tinh", "tra-ket-qua")).isEqualTo("H001");
    }

    @Test
    @DisplayName("The sequence restarts at midnight in Asia/Ho_Chi_Minh, not at midnight UTC")
    void restartsAtLocalMidnight() {
        server.close();
        server = TestServer.start(TestServer::atAnyHour);   // a night-time test: the centre is closed then
        server.clock().set(ZonedDateTime.of(2026, 11, 26, 23, 58, 0, 0, MutableClock.CENTRE).toInstant());
        assertThat(issue("hac-thanh", "chung-thuc")).isEqualTo("A001");
        assertThat(issue("hac-thanh", "chung-thuc")).isEqualTo("A002");

        server.clock().advance(Duration.ofMinutes(3)); // 00:01 on the 27th in Thanh Hóa, still the 26th in UTC
        assertThat(issue("hac-thanh", "chung-thuc")).isEqualTo("A001");
        assertThat(issue("tinh", "chung-thuc")).isEqualTo("A002");
    }

    @Test
    @DisplayName("A number is never issued twice on one day, however many tickets are taken")
    void neverReusedWithinADay() {
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < 120; i++) {
            numbers.add(issue(i % 2 == 0 ? "hac-thanh" : "tinh", "tra-ket-qua"));
        }
        assertThat(numbers).hasSize(120).contains("H001", "H120");
        assertThat(server.count("SELECT count(DISTINCT number) FROM tickets")).isEqualTo(120);
    }
}
