package vn.luot.core.domain.estimate;

/**
 * The M/M/c queue (Erlang C): Poisson arrivals, exponential service times, {@code c} identical counters.
 * The starting point of the capacity plan; the day simulator then checks it against bursty arrivals,
 * log-normal service times and counters that serve several services.
 *
 * <p>{@code erlangs} is the offered load: arrivals per unit of time × mean service time.
 */
public final class ErlangC {
    private ErlangC() {
    }

    /** Probability that an arriving citizen has to wait; 1 when the counters cannot keep up. */
    public static double probabilityOfWaiting(int counters, double erlangs) {
        if (erlangs <= 0) {
            return 0;
        }
        if (counters <= erlangs) {
            return 1;
        }
        // Terms a^k / k! built step by step, which stays accurate without factorials.
        double term = 1;
        double sum = 0;
        for (int k = 0; k < counters; k++) {
            sum += term;
            term *= erlangs / (k + 1);
        }
        double waitingTerm = term * counters / (counters - erlangs);
        return waitingTerm / (sum + waitingTerm);
    }

    /** Share of citizens called within {@code targetMinutes}: 1 − C(c, a) · e^(−(c − a) · target / service). */
    public static double shareWithin(int counters, double erlangs, double meanServiceMinutes, double targetMinutes) {
        if (erlangs <= 0) {
            return 1;
        }
        if (counters <= erlangs) {
            return 0;
        }
        return 1 - probabilityOfWaiting(counters, erlangs)
                * Math.exp(-(counters - erlangs) * targetMinutes / meanServiceMinutes);
    }

    /** Mean wait before the call, in the unit of the service time: C(c, a) · service / (c − a). */
    public static double meanWait(int counters, double erlangs, double meanService) {
        if (erlangs <= 0) {
            return 0;
        }
        if (counters <= erlangs) {
            return Double.POSITIVE_INFINITY;
        }
        return probabilityOfWaiting(counters, erlangs) * meanService / (counters - erlangs);
    }

    /** The fewest counters that call at least {@code share} of citizens within the target; 0 for no load. */
    public static int countersFor(double erlangs, double meanServiceMinutes, double targetMinutes, double share) {
        if (erlangs <= 0) {
            return 0;
        }
        int counters = Math.max(1, (int) Math.floor(erlangs) + 1);
        while (shareWithin(counters, erlangs, meanServiceMinutes, targetMinutes) < share) {
            counters++;
        }
        return counters;
    }
}
