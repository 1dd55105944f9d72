package vn.luot.core.domain.notify;

import java.time.Duration;

/**
 * When a message that the gateway did not take is tried again: after {@code first}, then twice as long
 * each time, never longer than {@code longest}; after {@code maxAttempts} tries it has failed for good
 * and waits for a manager. With the defaults (30 s doubling to one hour, 12 tries) a gateway down for
 * an hour still gets every message, about five hours of tries in all.
 */
public record RetryPolicy(Duration first, Duration longest, int maxAttempts) {
    public RetryPolicy {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("a retry policy needs first > 0, longest >= first and maxAttempts >= 1");
        }
    }

    /** How long to wait after the given failed attempt (1 for the first). */
    public Duration delayAfter(int attempt) {
        Duration delay = first;
        for (int i = 1; i < attempt && delay.compareTo(longest) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(longest) > 0 ? longest : delay;
    }

    /** Whether a message that failed this many times is given up. */
    public boolean givesUpAfter(int attempts) {
        return attempts >= maxAttempts;
    }
}
