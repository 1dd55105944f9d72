package vn.luot.core.domain.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ArrivalAdvice: when a remote ticket's holder should be in the hall, and set off")
class ArrivalAdviceTest {
    /** 09:00 in Thanh Hóa. */
    private static final Instant NINE = Instant.parse("2026-11-26T02:00:00Z");
    private static final Duration MARGIN = Duration.ofMinutes(10);

    @Test
    @DisplayName("With 50 minutes to wait and 20 minutes to travel: be there by 09:40, set off by 09:20")
    void aheadOfTheTurn() {
        ArrivalAdvice advice = ArrivalAdvice.of(NINE, 50, Duration.ofMinutes(20), MARGIN);

        assertThat(advice.arriveBy()).isEqualTo(NINE.plus(Duration.ofMinutes(40)));
        assertThat(advice.leaveBy()).isEqualTo(NINE.plus(Duration.ofMinutes(20)));
    }

    @Test
    @DisplayName("When the turn comes sooner than the journey, set off now and arrive as soon as possible")
    void shortWait() {
        ArrivalAdvice advice = ArrivalAdvice.of(NINE, 15, Duration.ofMinutes(30), MARGIN);

        assertThat(advice.arriveBy()).isEqualTo(NINE.plus(Duration.ofMinutes(30)));
        assertThat(advice.leaveBy()).isEqualTo(NINE);
    }

    @Test
    @DisplayName("Without an estimate (no counter open yet), the advice is to come now")
    void noEstimate() {
        ArrivalAdvice advice = ArrivalAdvice.of(NINE, null, Duration.ofMinutes(20), MARGIN);

        assertThat(advice.leaveBy()).isEqualTo(NINE);
        assertThat(advice.arriveBy()).isEqualTo(NINE.plus(Duration.ofMinutes(20)));
    }
}
