package vn.luot.bench;

import java.util.List;
import java.util.Optional;

/**
 * Where the issuing series stops being honest. A step is <em>sustained</em> within a latency bound when
 * the server achieved at least 99 % of the target rate, answered every request, and kept its p99 within
 * the bound; the sustained rate is the highest such target. What the server pushes through while
 * requests wait for seconds is reported apart, as the throughput under overload, and never as "sustained".
 */
final class Knee {
    /** Share of the target rate a step must achieve to count as sustained. */
    static final double ACHIEVED_SHARE = 0.99;

    private Knee() {
    }

    /** The highest target rate sustained with p99 within {@code p99BoundMs}, if any step was. */
    static Optional<Report.IssueStep> sustained(List<Report.IssueStep> steps, double p99BoundMs) {
        return steps.stream()
                .filter(s -> s.errors() == 0 && s.achievedRate() >= ACHIEVED_SHARE * s.targetRate()
                        && s.p99Ms() <= p99BoundMs)
                .max(java.util.Comparator.comparingInt(Report.IssueStep::targetRate));
    }

    /** The most tickets per second any step achieved, whatever its latency: the throughput under overload. */
    static Optional<Report.IssueStep> overload(List<Report.IssueStep> steps) {
        return steps.stream().max(java.util.Comparator.comparingDouble(Report.IssueStep::achievedRate));
    }
}
