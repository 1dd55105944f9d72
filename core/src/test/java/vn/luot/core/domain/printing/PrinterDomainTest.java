package vn.luot.core.domain.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Printer health and device tokens")
class PrinterDomainTest {
    private static final Instant NOW = Instant.parse("2026-11-26T01:30:00Z");
    private final PrinterHealth health = new PrinterHealth(Duration.ofSeconds(45));

    @Test
    @DisplayName("A printer is what its bridge reports only while the bridge is connected and has spoken recently")
    void effectiveState() {
        assertThat(health.effective(PrinterState.PAPER_OUT, true, NOW.minusSeconds(10), NOW)).isEqualTo(PrinterState.PAPER_OUT);
        assertThat(health.effective(PrinterState.ONLINE, true, NOW.minusSeconds(45), NOW)).isEqualTo(PrinterState.ONLINE);
        assertThat(health.effective(PrinterState.ONLINE, true, NOW.minusSeconds(46), NOW)).isEqualTo(PrinterState.OFFLINE);
        assertThat(health.effective(PrinterState.ONLINE, false, NOW, NOW)).isEqualTo(PrinterState.OFFLINE);
        assertThat(health.effective(PrinterState.ONLINE, true, null, NOW)).isEqualTo(PrinterState.OFFLINE);
    }

    @Test
    @DisplayName("Only online and paper near its end print")
    void whichStatesPrint() {
        assertThat(PrinterState.ONLINE.prints()).isTrue();
        assertThat(PrinterState.PAPER_NEAR_END.prints()).isTrue();
        assertThat(PrinterState.PAPER_OUT.prints()).isFalse();
        assertThat(PrinterState.OFFLINE.prints()).isFalse();
        assertThat(PrinterState.fromWire("paper_near_end")).contains(PrinterState.PAPER_NEAR_END);
        assertThat(PrinterState.fromWire("jammed")).isEmpty();
    }

    @Test
    @DisplayName("Device tokens are random, long, and match only their own hash; no hash matches nothing")
    void deviceTokens() {
        String token = DeviceToken.generate();
        String other = DeviceToken.generate();

        assertThat(token).startsWith("lpt_").hasSize(4 + 43).isNotEqualTo(other);
        assertThat(DeviceToken.hash(token)).hasSize(64).doesNotContain(token.substring(4));
        assertThat(DeviceToken.matches(token, DeviceToken.hash(token))).isTrue();
        assertThat(DeviceToken.matches(other, DeviceToken.hash(token))).isFalse();
        assertThat(DeviceToken.matches(token, null)).isFalse();
        assertThat(DeviceToken.matches(null, DeviceToken.hash(token))).isFalse();
    }
}
