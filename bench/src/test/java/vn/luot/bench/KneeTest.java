package vn.luot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The bench's knee: the rate sustained within a latency bound, apart from throughput under overload")
class KneeTest {
    private static Report.IssueStep step(int target, double achieved, double p99, long errors) {
        return new Report.IssueStep(target, achieved, 1000, 1000 - errors, errors, p99 / 4, p99, p99 * 2, p99 * 3);
    }

    /** The 1 December run of the issue: 2,000/s at p99 248 ms, 4,000/s achieving 2,342/s, 6,000/s 2,778/s. */
    private static final List<Report.IssueStep> DECEMBER_FIRST = List.of(
            step(500, 500, 9, 0), step(1000, 999, 14, 0), step(2000, 1996, 248, 0),
            step(4000, 2342, 9_000, 0), step(6000, 2778, 11_600, 0));

    @Test
    @DisplayName("A step whose p99 is over the bound is not sustained, however many tickets it pushed through")
    void latencyBoundDecides() {
        assertThat(Knee.sustained(DECEMBER_FIRST, 25)).get().extracting(Report.IssueStep::targetRate).isEqualTo(1000);
        assertThat(Knee.sustained(DECEMBER_FIRST, 100)).get().extracting(Report.IssueStep::targetRate).isEqualTo(1000);
        assertThat(Knee.sustained(DECEMBER_FIRST, 250)).get().extracting(Report.IssueStep::targetRate).isEqualTo(2000);
    }

    @Test
    @DisplayName("The throughput under overload is the most achieved by any step, reported apart from the sustained rate")
    void overloadIsApart() {
        assertThat(Knee.overload(DECEMBER_FIRST)).get().extracting(Report.IssueStep::achievedRate).isEqualTo(2778.0);
    }

    @Test
    @DisplayName("A step that fell under 99 % of its target rate, or had errors, is not sustained even with a low p99")
    void achievedShareAndErrorsCount() {
        List<Report.IssueStep> steps = List.of(step(1000, 1000, 5, 0), step(2000, 1970, 6, 0), step(3000, 3000, 7, 4));
        assertThat(Knee.sustained(steps, 25)).get().extracting(Report.IssueStep::targetRate).isEqualTo(1000);
    }

    @Test
    @DisplayName("When no step keeps within the bound there is no sustained rate, rather than a made-up one")
    void noneSustained() {
        assertThat(Knee.sustained(List.of(step(500, 300, 900, 0)), 25)).isEmpty();
    }
}
