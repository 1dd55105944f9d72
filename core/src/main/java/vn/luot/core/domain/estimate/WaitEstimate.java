package vn.luot.core.domain.estimate;

import java.time.Duration;
import java.util.Objects;

/**
 * What the {@link HallEstimator} says about one waiting ticket: when it should be called, or honestly
 * that it cannot say.
 *
 * @param untilCall from now until the expected call; zero unless {@link Outcome#EXPECTED}
 */
public record WaitEstimate(Outcome outcome, Duration untilCall) {

    public enum Outcome {
        /** It should be called after {@code untilCall}. */
        EXPECTED,
        /** No open counter serves its service (or it is sent to a counter that is not open). */
        NO_COUNTER,
        /** Counters serve it, but not before the site closes today: the citizen should come back another day. */
        NOT_BEFORE_CLOSING
    }

    public static final WaitEstimate NO_COUNTER = new WaitEstimate(Outcome.NO_COUNTER, Duration.ZERO);
    public static final WaitEstimate NOT_BEFORE_CLOSING = new WaitEstimate(Outcome.NOT_BEFORE_CLOSING, Duration.ZERO);

    public WaitEstimate {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(untilCall, "untilCall");
    }

    public static WaitEstimate after(Duration untilCall) {
        return new WaitEstimate(Outcome.EXPECTED, untilCall.isNegative() ? Duration.ZERO : untilCall);
    }

    /** The wait in whole minutes, rounded to the nearest ("about 25 minutes"), or null when there is none. */
    public Integer minutes() {
        return outcome == Outcome.EXPECTED ? (int) ((untilCall.toSeconds() + 30) / 60) : null;
    }

    public boolean notBeforeClosing() {
        return outcome == Outcome.NOT_BEFORE_CLOSING;
    }
}
