package vn.luot.core.domain.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Log-normal service times: the median of the time a ticket under way still needs")
class LogNormalServiceTimeTest {
    private static final double MEAN = 600_000;   // 10 minutes
    private final LogNormalServiceTime distribution = new LogNormalServiceTime(0.8);

    @Test
    @DisplayName("The normal tail and quantile agree with textbook values (1.96 leaves 2.5 %, 1.645 leaves 5 %)")
    void normalTable() {
        assertThat(LogNormalServiceTime.upperTail(1.959964)).isCloseTo(0.025, within(1e-7));
        assertThat(LogNormalServiceTime.upperTail(-1.644854)).isCloseTo(0.95, within(1e-7));
        assertThat(LogNormalServiceTime.upperTail(6)).isCloseTo(9.865876e-10, within(1e-15));
        assertThat(LogNormalServiceTime.lowerQuantile(0.025)).isCloseTo(-1.959964, within(1e-6));
        assertThat(LogNormalServiceTime.lowerQuantile(0.5)).isCloseTo(0, within(1e-9));
        assertThat(LogNormalServiceTime.lowerQuantile(1e-9)).isCloseTo(-5.997807, within(1e-4));
    }

    @Test
    @DisplayName("A ticket just started needs the median service time, 0.78 of the mean with a coefficient of variation of 0.8")
    void justStarted() {
        assertThat(distribution.medianRemainingMillis(MEAN, 0)).isCloseTo(Math.round(MEAN / Math.sqrt(1.64)), within(1L));
    }

    @Test
    @DisplayName("The median remaining time agrees with that of 200,000 drawn service times that ran past the elapsed time")
    void agreesWithDraws() {
        SplittableRandom random = new SplittableRandom(11);
        double sigma = distribution.sigma();
        double mu = Math.log(MEAN) - sigma * sigma / 2;
        double[] draws = new double[200_000];
        for (int i = 0; i < draws.length; i++) {
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            draws[i] = Math.exp(mu + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
        }
        for (long elapsed : new long[] {60_000, 300_000, 600_000, 1_200_000, 2_400_000}) {
            double[] remaining = Arrays.stream(draws).filter(x -> x > elapsed).map(x -> x - elapsed).sorted().toArray();
            double median = remaining[remaining.length / 2];

            assertThat((double) distribution.medianRemainingMillis(MEAN, elapsed)).as("after %d ms", elapsed)
                    .isCloseTo(median, within(median * 0.04));
        }
    }

    @Test
    @DisplayName("A ticket long past its mean still needs a good part of a mean: long services have long tails")
    void longPastTheMean() {
        long remaining = distribution.medianRemainingMillis(MEAN, 3 * (long) MEAN);

        assertThat(remaining).isBetween((long) (0.5 * MEAN), (long) (2 * MEAN));
        assertThat(distribution.medianRemainingMillis(MEAN, 1000 * (long) MEAN)).isPositive();
    }
}
