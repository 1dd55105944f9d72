package vn.luot.core.domain.simulation;

import java.util.SplittableRandom;

/**
 * Draws service times with a given mean. Log-normal with the configured coefficient of variation (a few
 * long cases, many short ones, as counters see), or exponential (coefficient of variation 1, the M/M/1
 * textbook case the simulator is checked against).
 */
public final class ServiceTimes {
    private final boolean exponential;
    private final double sigma;

    private ServiceTimes(boolean exponential, double cv) {
        this.exponential = exponential;
        this.sigma = Math.sqrt(Math.log(1 + cv * cv));
    }

    public static ServiceTimes logNormal(double coefficientOfVariation) {
        if (coefficientOfVariation <= 0) {
            throw new IllegalArgumentException("the coefficient of variation must be positive");
        }
        return new ServiceTimes(false, coefficientOfVariation);
    }

    public static ServiceTimes exponential() {
        return new ServiceTimes(true, 1);
    }

    /** One service time in milliseconds, with the given mean. */
    public long drawMillis(double meanMillis, SplittableRandom random) {
        if (exponential) {
            return Math.max(1, Math.round(-meanMillis * Math.log(1 - random.nextDouble())));
        }
        double mu = Math.log(meanMillis) - sigma * sigma / 2;
        return Math.max(1, Math.round(Math.exp(mu + sigma * gaussian(random))));
    }

    /** A standard normal draw (Box–Muller; SplittableRandom has no nextGaussian on Java 17). */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
