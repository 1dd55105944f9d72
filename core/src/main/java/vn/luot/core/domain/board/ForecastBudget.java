package vn.luot.core.domain.board;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;

/**
 * How much of its thread a {@link SiteBoard} may spend playing the hall forward: a share of the CPU,
 * kept as a credit that fills at {@code share} seconds per second (up to {@code share} of one second) and
 * that each play costs what it took. At a hall's real pace (a few events a second, a play of well under a
 * millisecond) the credit is never spent, so every forecast is fresh; under a burst of issuing with a long
 * line the board answers from its kept forecast plus what changed since until the credit allows the next
 * play, so the cost per event stays small and the hub's thread keeps up.
 *
 * <p>A play's cost is the thread's own CPU time where the JVM measures it, so a pause of the machine
 * (garbage collection, another process) is not charged to the budget; the credit fills by wall time.
 * Both clocks are given, so that tests can drive them.
 */
public final class ForecastBudget {
    private static final long SECOND_NANOS = 1_000_000_000L;

    private final double share;
    private final long capacityNanos;
    private final LongSupplier wallNanos;
    private final LongSupplier costNanos;
    private long creditNanos;
    private long filledAt;

    /**
     * @param share     the share of one thread the plays may use, over 0; 1 or more never holds a play back
     * @param wallNanos a monotonic clock the credit fills by
     * @param costNanos the clock a play's cost is read from (the thread's CPU time)
     */
    public ForecastBudget(double share, LongSupplier wallNanos, LongSupplier costNanos) {
        if (!(share > 0)) {
            throw new IllegalArgumentException("share must be above 0, got " + share);
        }
        this.share = share;
        this.capacityNanos = (long) (Math.min(share, 1.0) * SECOND_NANOS);
        this.wallNanos = wallNanos;
        this.costNanos = costNanos;
        this.creditNanos = capacityNanos;
        this.filledAt = wallNanos.getAsLong();
    }

    /** A budget on this thread's CPU time (wall time where the JVM cannot measure it). */
    public static ForecastBudget ofShare(double share) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        LongSupplier cost = threads.isCurrentThreadCpuTimeSupported()
                ? threads::getCurrentThreadCpuTime : System::nanoTime;
        return new ForecastBudget(share, System::nanoTime, cost);
    }

    /** A budget that never holds a play back (every answer is a fresh play's). */
    public static ForecastBudget unlimited() {
        return new ForecastBudget(1.0, () -> 0L, () -> 0L);
    }

    /** Whether a play may run now. */
    public boolean allowsPlay() {
        if (share >= 1.0) {
            return true;
        }
        long now = wallNanos.getAsLong();
        long filled = (long) ((now - filledAt) * share);
        if (filled > 0) {
            creditNanos = Math.min(capacityNanos, creditNanos + filled);
            filledAt = now;
        }
        return creditNanos > 0;
    }

    /** Where the cost clock is before a play; give it back to {@link #played(long)}. */
    public long startPlay() {
        return costNanos.getAsLong();
    }

    /** Charges the play that started at {@code startedAt} (of {@link #startPlay()}). */
    public void played(long startedAt) {
        charge(costNanos.getAsLong() - startedAt);
    }

    /** Charges a cost in nanoseconds: what a play took. */
    public void charge(long nanos) {
        creditNanos -= Math.max(0, nanos);
    }
}
