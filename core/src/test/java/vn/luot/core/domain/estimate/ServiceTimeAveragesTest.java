package vn.luot.core.domain.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.catalogue.ServiceDefinition;

@DisplayName("The service times the estimate learns during the day")
class ServiceTimeAveragesTest {
    private static final ServiceDefinition HO_TICH = new ServiceDefinition("ho-tich", "B",
            new LocalizedText("Hộ tịch", "Civil status"), Duration.ofMinutes(10), Duration.ofMinutes(20), 0.18);

    @Test
    @DisplayName("Before any ticket is completed the estimate plays the configured mean")
    void startsFromTheConfiguredMean() {
        ServiceTimeAverages averages = new ServiceTimeAverages(List.of(HO_TICH), 0.2);

        assertThat(averages.mean("ho-tich")).isEqualTo(Duration.ofMinutes(10));
        assertThat(averages.runningMean("ho-tich")).isEqualTo(Duration.ofMinutes(10));
        assertThat(averages.mean("unknown")).isEqualTo(Duration.ZERO);
    }

    @Test
    @DisplayName("One very long case moves the estimate's mean far less than the old running mean")
    void oneLongCaseMovesItLittle() {
        ServiceTimeAverages averages = new ServiceTimeAverages(List.of(HO_TICH), 0.2);

        averages.record("ho-tich", Duration.ofMinutes(60));

        assertThat(averages.runningMean("ho-tich")).isEqualTo(Duration.ofMinutes(20));
        assertThat(averages.mean("ho-tich")).isBetween(Duration.ofMinutes(12), Duration.ofMinutes(13));
    }

    @Test
    @DisplayName("When service times become 50 % slower, the learnt mean is within 10 % of the new mean after 40 tickets")
    void followsADrift() {
        SplittableRandom random = new SplittableRandom(5);
        double sigma = Math.sqrt(Math.log(1.64));
        double mu = Math.log(15 * 60_000.0) - sigma * sigma / 2;
        double[] afterForty = new double[200];
        for (int run = 0; run < afterForty.length; run++) {
            ServiceTimeAverages averages = new ServiceTimeAverages(List.of(HO_TICH), 0.2, 0.1, 0.8);
            for (int i = 0; i < 40; i++) {
                double z = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
                averages.record("ho-tich", Duration.ofMillis(Math.round(Math.exp(mu + sigma * z))));
            }
            afterForty[run] = averages.mean("ho-tich").toMillis() / 60_000.0;
        }
        double average = java.util.Arrays.stream(afterForty).average().orElseThrow();

        assertThat(average).isBetween(13.5, 16.5);
    }
}
