package vn.luot.core.domain.estimate;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * The wait estimate Lượt used to print, kept only as the baseline the day simulator measures the
 * {@link HallEstimator} against:
 * <pre>  people ahead ÷ counters open for the service × running mean service time</pre>
 * rounded up to whole minutes. It ignores counters that serve several services, priority tickets that
 * come in ahead, the ticket a counter is still serving, the lunch break and closing time.
 */
public final class BaselineWaitFormula {
    private BaselineWaitFormula() {
    }

    public static OptionalInt minutes(int peopleAhead, int countersOpen, Duration meanServiceTime) {
        if (countersOpen <= 0) {
            return OptionalInt.empty();
        }
        double seconds = (double) peopleAhead / countersOpen * meanServiceTime.toSeconds();
        return OptionalInt.of((int) Math.ceil(seconds / 60.0));
    }
}
