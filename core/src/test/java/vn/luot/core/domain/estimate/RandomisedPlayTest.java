package vn.luot.core.domain.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.domain.calling.CallPolicy;
import vn.luot.core.domain.ticket.Channel;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketStatus;

@DisplayName("RandomisedPlay: the median of forward plays with drawn service times")
class RandomisedPlayTest {
    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");   // 09:00 in Hạc Thành
    private static final Function<String, Duration> MEAN = id -> Duration.ofMinutes(10);
    private static final List<HallState.CallingPeriod> OPEN = List.of(
            new HallState.CallingPeriod(NOW.minus(Duration.ofHours(2)), NOW.plus(Duration.ofHours(8))));
    private final LogNormalServiceTime distribution = new LogNormalServiceTime(0.8);
    private final HallEstimator estimator = new HallEstimator(new CallPolicy(2), id -> Duration.ofMinutes(20));

    private static Ticket ticket(int minutesAgo) {
        Instant at = NOW.minus(Duration.ofMinutes(minutesAgo));
        return new Ticket(UUID.randomUUID(), "B" + (100 - minutesAgo), LocalDate.of(2026, 11, 26), "hac-thanh",
                "ho-tich", null, Channel.KIOSK, TicketStatus.WAITING, at, at, null, null, null, null, null, 0, 0, null,
                null);
    }

    @Test
    @DisplayName("Behind one ticket at a free counter, the median of the plays is the median service time")
    void oneAhead() {
        HallState hall = new HallState(NOW, OPEN, List.of(HallState.OpenCounter.free(3, List.of("ho-tich"), 0)),
                List.of(ticket(5)));

        WaitEstimate median = new RandomisedPlay(estimator, distribution, 2001)
                .estimate(hall, ticket(0), MEAN, new SplittableRandom(1));

        assertThat(median.untilCall().toMillis() / 60_000.0).isCloseTo(10 / Math.sqrt(1.64), within(0.3));
    }

    @Test
    @DisplayName("Drawn service times have the mean asked, and a ticket under way draws its rest with the median the distribution gives")
    void draws() {
        SplittableRandom random = new SplittableRandom(2);
        double sum = 0;
        long[] rest = new long[20_001];
        for (int i = 0; i < rest.length; i++) {
            sum += distribution.drawMillis(600_000, random);
            rest[i] = distribution.drawRemainingMillis(600_000, 900_000, random);
        }
        java.util.Arrays.sort(rest);

        assertThat(sum / rest.length).isCloseTo(600_000, within(600_000 * 0.03));
        assertThat((double) rest[rest.length / 2]).isCloseTo(distribution.medianRemainingMillis(600_000, 900_000),
                within(600_000 * 0.03));
    }

    @Test
    @DisplayName("With no open counter for the service the plays give no estimate, and a ticket out of reach today is not before closing")
    void honestAnswers() {
        HallState none = new HallState(NOW, OPEN, List.of(), List.of());
        HallState closing = new HallState(NOW, List.of(new HallState.CallingPeriod(NOW.minus(Duration.ofHours(2)),
                NOW.plus(Duration.ofMinutes(15)))), List.of(HallState.OpenCounter.free(3, List.of("ho-tich"), 0)),
                List.of(ticket(50), ticket(40), ticket(30), ticket(20), ticket(10)));
        RandomisedPlay plays = new RandomisedPlay(estimator, distribution, 25);

        assertThat(plays.estimate(none, ticket(0), MEAN, new SplittableRandom(3))).isEqualTo(WaitEstimate.NO_COUNTER);
        assertThat(plays.estimate(closing, ticket(0), MEAN, new SplittableRandom(3)))
                .isEqualTo(WaitEstimate.NOT_BEFORE_CLOSING);
    }
}
