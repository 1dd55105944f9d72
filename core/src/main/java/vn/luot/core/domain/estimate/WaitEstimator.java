package vn.luot.core.domain.estimate;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * The estimated wait shown on tickets, displays and phones:
 * <pre>  people ahead ÷ counters open for the service × running mean service time</pre>
 * rounded up to whole minutes. With no counter open for the service there is no honest estimate.
 */
public final class WaitEstimator {
    private WaitEstimator() {
    }

    public static OptionalInt minutes(int peopleAhead, int countersOpen, Duration meanServiceTime) {
        if (countersOpen <= 0) {
            return OptionalInt.empty();
        }
        double seconds = (double) peopleAhead / countersOpen * meanServiceTime.toSeconds();
        return OptionalInt.of((int) Math.ceil(seconds / 60.0));
    }
}
