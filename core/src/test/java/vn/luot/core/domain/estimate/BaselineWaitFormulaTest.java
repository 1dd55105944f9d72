package vn.luot.core.domain.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.catalogue.ServiceDefinition;

@DisplayName("The old wait formula, the simulator's baseline")
class BaselineWaitFormulaTest {

    @Test
    @DisplayName("It is people ahead divided by counters open, times the mean service time, in whole minutes rounded up")
    void formula() {
        assertThat(BaselineWaitFormula.minutes(4, 2, Duration.ofMinutes(5))).hasValue(10);
        assertThat(BaselineWaitFormula.minutes(5, 2, Duration.ofMinutes(5))).hasValue(13);
        assertThat(BaselineWaitFormula.minutes(3, 1, Duration.ofSeconds(250))).hasValue(13);
        assertThat(BaselineWaitFormula.minutes(0, 3, Duration.ofMinutes(20))).hasValue(0);
    }

    @Test
    @DisplayName("With no counter open for the service there is no estimate")
    void noCounterNoEstimate() {
        assertThat(BaselineWaitFormula.minutes(4, 0, Duration.ofMinutes(5))).isEmpty();
    }

    @Test
    @DisplayName("The running mean starts from the configured service time and moves toward measured ones")
    void runningMean() {
        ServiceDefinition chungThuc = new ServiceDefinition("chung-thuc", "A", new LocalizedText("Chứng thực", "Cert"),
                Duration.ofMinutes(5), Duration.ofMinutes(15), 0.3);
        ServiceTimeAverages averages = new ServiceTimeAverages(List.of(chungThuc), 0.2);

        assertThat(averages.runningMean("chung-thuc")).isEqualTo(Duration.ofMinutes(5));
        averages.record("chung-thuc", Duration.ofMinutes(15));
        assertThat(averages.runningMean("chung-thuc")).isEqualTo(Duration.ofMinutes(7));
        averages.record("chung-thuc", Duration.ofMinutes(7));
        assertThat(averages.runningMean("chung-thuc")).isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    @DisplayName("Empty service times are ignored by the running mean")
    void zeroTimesIgnored() {
        ServiceDefinition hoTich = new ServiceDefinition("ho-tich", "B", new LocalizedText("Hộ tịch", "Civil"),
                Duration.ofMinutes(10), Duration.ofMinutes(20), 0.18);
        ServiceTimeAverages averages = new ServiceTimeAverages(List.of(hoTich), 0.2);

        averages.record("ho-tich", Duration.ZERO);
        assertThat(averages.runningMean("ho-tich")).isEqualTo(Duration.ofMinutes(10));
        assertThat(averages.mean("ho-tich")).isEqualTo(Duration.ofMinutes(10));
    }
}
