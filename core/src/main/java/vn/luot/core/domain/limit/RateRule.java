package vn.luot.core.domain.limit;

import java.time.Duration;

/**
 * A rate limit: a burst of {@link #burst} requests, then one more each {@link #interval}, as a token
 * bucket that gets one token back each interval. It is kept in the terms of the generic cell rate
 * algorithm (GCRA), because then its whole state is one instant, {@code fullAt}: when the bucket is full
 * again. That lets one upsert on a shared database take a token atomically for every node
 * ({@code PgRateLimitStore}, which applies {@link #take} in SQL and is tested against it).
 *
 * <ul>
 *   <li>A subject with no state, or whose {@code fullAt} has passed, has a full bucket.</li>
 *   <li>A request at {@code now} starts from {@code start = max(fullAt, now)}, but never later than
 *       {@code now + burst * interval} (an empty bucket): a later {@code fullAt} was written by a clock ahead
 *       of this one (another node's, or this one's before it was set back), and counts as empty, not as
 *       emptier, so a clock set back never refuses a client for longer than one interval. It is allowed when
 *       {@code start - now} is at most {@link #toleranceMicros()} ({@code burst - 1} intervals), and then
 *       {@code fullAt} becomes {@code start + interval}. A refused request leaves {@code fullAt} at {@code start}: unchanged, or
 *       brought back to empty.</li>
 *   <li>A refused client may try again when {@code fullAt - tolerance} comes, in whole seconds, at least 1
 *       (for {@code Retry-After}).</li>
 *   <li>Giving a token back (a right password) moves {@code fullAt} one interval earlier, never before now.</li>
 * </ul>
 *
 * Times are microseconds since 1970 on the caller's clock.
 */
public record RateRule(int burst, Duration interval) {
    private static final long MICROS_PER_SECOND = 1_000_000L;

    public RateRule {
        if (burst < 1) {
            throw new IllegalArgumentException("a rate limit allows a burst of at least 1 request, got " + burst);
        }
        if (interval == null || interval.toNanos() < 1_000) {
            throw new IllegalArgumentException("a rate limit's interval must be at least a microsecond, got " + interval);
        }
    }

    /** {@code requests} a minute, all at once if they come at once: one back each minute / requests. */
    public static RateRule perMinute(int requests) {
        return new RateRule(requests, Duration.ofMinutes(1).dividedBy(requests));
    }

    public long intervalMicros() {
        return interval.toNanos() / 1_000;
    }

    /** How far ahead of now {@code fullAt} may be for a request to be allowed: {@code burst - 1} intervals. */
    public long toleranceMicros() {
        return intervalMicros() * (burst - 1);
    }

    /** What one request at {@code now} decides, given the subject's {@code fullAt} (0 when it has none). */
    public Decision take(long fullAt, long now) {
        long start = start(fullAt, now);
        if (start - now <= toleranceMicros()) {
            return new Decision(true, start + intervalMicros());
        }
        return new Decision(false, start);
    }

    /** How far ahead of now an empty bucket's {@code fullAt} is: {@code burst} intervals. */
    public long emptyMicros() {
        return intervalMicros() * burst;
    }

    private long start(long fullAt, long now) {
        return Math.min(Math.max(fullAt, now), now + emptyMicros());
    }

    /** The subject's {@code fullAt} after one token is given back at {@code now}. */
    public long giveBack(long fullAt, long now) {
        return Math.max(fullAt - intervalMicros(), now);
    }

    /** Whole seconds, at least 1, until a request refused at {@code now} with this {@code fullAt} would be allowed. */
    public long retryAfterSeconds(long fullAt, long now) {
        long waitMicros = start(fullAt, now) - toleranceMicros() - now;
        return Math.max(1, Math.floorDiv(waitMicros + MICROS_PER_SECOND - 1, MICROS_PER_SECOND));
    }

    /** Allowed or not, and the subject's {@code fullAt} afterwards. */
    public record Decision(boolean allowed, long fullAt) {
    }
}
