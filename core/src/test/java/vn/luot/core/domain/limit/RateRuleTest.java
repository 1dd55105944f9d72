package vn.luot.core.domain.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A rate limit as one instant: when its bucket is full again")
class RateRuleTest {
    private static final long SECOND = 1_000_000;
    private static final long NOW = 1_800_000_000L * SECOND;
    /** Three at once, then one back every 10 s. */
    private static final RateRule THREE_THEN_ONE_PER_TEN_SECONDS = new RateRule(3, Duration.ofSeconds(10));

    @Test
    @DisplayName("A subject with no state may make its burst of requests at once; the next one is refused and changes nothing")
    void burstThenRefused() {
        RateRule rule = THREE_THEN_ONE_PER_TEN_SECONDS;
        long fullAt = 0;
        for (int i = 1; i <= 3; i++) {
            RateRule.Decision decision = rule.take(fullAt, NOW);
            assertThat(decision.allowed()).as("request %d", i).isTrue();
            fullAt = decision.fullAt();
        }
        assertThat(fullAt).isEqualTo(NOW + 30 * SECOND);

        RateRule.Decision refused = rule.take(fullAt, NOW);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.fullAt()).isEqualTo(fullAt);
    }

    @Test
    @DisplayName("A refused client is told to come back when one token is back, in whole seconds rounded up, and is allowed then")
    void retryAfterIsWhenOneTokenIsBack() {
        RateRule rule = THREE_THEN_ONE_PER_TEN_SECONDS;
        long fullAt = NOW + 30 * SECOND;
        long halfASecondLater = NOW + SECOND / 2;

        assertThat(rule.retryAfterSeconds(fullAt, NOW)).isEqualTo(10);
        assertThat(rule.retryAfterSeconds(fullAt, halfASecondLater)).isEqualTo(10);
        assertThat(rule.take(fullAt, NOW + 10 * SECOND - 1).allowed()).isFalse();
        assertThat(rule.take(fullAt, NOW + 10 * SECOND).allowed()).isTrue();
        assertThat(rule.retryAfterSeconds(fullAt, NOW + 10 * SECOND - 1)).as("never 0").isEqualTo(1);
    }

    @Test
    @DisplayName("After a quiet spell the bucket is full again, never fuller: the burst is the most a client can save up")
    void neverFullerThanTheBurst() {
        RateRule rule = THREE_THEN_ONE_PER_TEN_SECONDS;
        long anHourLater = NOW + 3_600 * SECOND;
        long fullAt = NOW + 30 * SECOND;
        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            RateRule.Decision decision = rule.take(fullAt, anHourLater);
            if (decision.allowed()) {
                allowed++;
                fullAt = decision.fullAt();
            }
        }
        assertThat(allowed).isEqualTo(3);
    }

    @Test
    @DisplayName("A token given back lets one more request through, and giving back to a full bucket does not make it fuller")
    void givingBack() {
        RateRule rule = THREE_THEN_ONE_PER_TEN_SECONDS;
        long empty = NOW + 30 * SECOND;

        long oneBack = rule.giveBack(empty, NOW);
        assertThat(rule.take(oneBack, NOW).allowed()).isTrue();
        assertThat(rule.giveBack(NOW + 5 * SECOND, NOW)).as("not before now").isEqualTo(NOW);
    }

    @Test
    @DisplayName("A bucket written by a clock an hour ahead counts as empty, not emptier: one interval later a request is allowed")
    void aClockAheadCountsAsEmpty() {
        RateRule rule = THREE_THEN_ONE_PER_TEN_SECONDS;
        long writtenAnHourAhead = NOW + 3_600 * SECOND + 30 * SECOND;

        RateRule.Decision refused = rule.take(writtenAnHourAhead, NOW);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.fullAt()).as("brought back to empty").isEqualTo(NOW + 30 * SECOND);
        assertThat(rule.retryAfterSeconds(writtenAnHourAhead, NOW)).isEqualTo(10);
        RateRule.Decision later = rule.take(refused.fullAt(), NOW + 10 * SECOND);
        assertThat(later.allowed()).isTrue();
        assertThat(later.fullAt()).isEqualTo(NOW + 40 * SECOND);
    }

    @Test
    @DisplayName("Sixty a minute is a burst of sixty and one back every second")
    void perMinute() {
        RateRule rule = RateRule.perMinute(60);

        assertThat(rule.burst()).isEqualTo(60);
        assertThat(rule.intervalMicros()).isEqualTo(SECOND);
        assertThat(rule.toleranceMicros()).isEqualTo(59 * SECOND);
    }

    @Test
    @DisplayName("A burst under 1 or an interval under a microsecond is refused")
    void badRules() {
        assertThatThrownBy(() -> new RateRule(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateRule(1, Duration.ofNanos(10))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateRule(1, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
