package vn.luot.core.domain.estimate;

import java.time.Duration;
import java.util.function.Function;
import vn.luot.core.domain.ticket.Ticket;

/** How long the {@link HallEstimator}'s forward play lets each ticket take. */
public interface PlayedTimes {
    /** How long a waiting ticket takes once a counter calls it in the play. */
    long serviceMillis(Ticket ticket);

    /** How much longer a counter's current ticket is expected to take, given how long it has run. */
    long remainingMillis(HallState.OpenCounter counter, long elapsedMillis);

    /**
     * Each service's mean; a counter's current ticket takes the rest of its mean, or half a mean more once it
     * has run past it (long service times have long tails, so "any moment now" is too hopeful).
     */
    static PlayedTimes means(Function<String, Duration> meanServiceTime) {
        return new PlayedTimes() {
            @Override
            public long serviceMillis(Ticket ticket) {
                return meanServiceTime.apply(ticket.serviceId()).toMillis();
            }

            @Override
            public long remainingMillis(HallState.OpenCounter counter, long elapsedMillis) {
                long mean = meanServiceTime.apply(counter.busyWith()).toMillis();
                return Math.max(mean - elapsedMillis, Math.round(mean * HallEstimator.REMAINING_SHARE_PAST_MEAN));
            }
        };
    }

    /**
     * Each service's mean; a counter's current ticket takes the median of the time it still needs given how
     * long it has run, by the log-normal {@code distribution} (what the estimate plays with, measured best).
     */
    static PlayedTimes logNormal(Function<String, Duration> meanServiceTime, LogNormalServiceTime distribution) {
        return new PlayedTimes() {
            @Override
            public long serviceMillis(Ticket ticket) {
                return meanServiceTime.apply(ticket.serviceId()).toMillis();
            }

            @Override
            public long remainingMillis(HallState.OpenCounter counter, long elapsedMillis) {
                return distribution.medianRemainingMillis(meanServiceTime.apply(counter.busyWith()).toMillis(),
                        elapsedMillis);
            }
        };
    }
}
