package vn.luot.core.domain.estimate;

/**
 * Service times as a log-normal distribution of a given mean and coefficient of variation (many short
 * cases, a few long ones, as counters see), and what it says about a ticket already under way: the
 * <b>median</b> of the time it still needs, given how long it has run. The median, not the mean, because
 * the printed estimate is judged by its absolute error, which the median minimises; a ticket that has
 * just started still needs 0.78 of the mean by the median (CV 0.8), one long past the mean still needs a
 * good part of it (long tails). Measured in docs/estimates.md.
 *
 * <p>The normal distribution's tail and quantile are written here (two short, published approximations)
 * rather than taken from a library: nothing well kept on Maven Central offers them without bringing a
 * whole statistics package (commons-math3 is no longer maintained).
 */
public final class LogNormalServiceTime {
    private final double sigma;

    /** @param coefficientOfVariation standard deviation over mean of service times (0.8 in the catalogue) */
    public LogNormalServiceTime(double coefficientOfVariation) {
        if (!(coefficientOfVariation > 0)) {
            throw new IllegalArgumentException("the coefficient of variation must be positive");
        }
        this.sigma = Math.sqrt(Math.log(1 + coefficientOfVariation * coefficientOfVariation));
    }

    /** Standard deviation of the logarithm of a service time. */
    public double sigma() {
        return sigma;
    }

    /**
     * The median of how much longer a ticket needs, in milliseconds, when its service takes {@code meanMillis}
     * on average and it has already run {@code elapsedMillis}.
     */
    public long medianRemainingMillis(double meanMillis, long elapsedMillis) {
        if (meanMillis <= 0) {
            return 0;
        }
        double mu = Math.log(meanMillis) - sigma * sigma / 2;
        if (elapsedMillis <= 0) {
            return Math.round(Math.exp(mu));
        }
        // P(X > e + r | X > e) = 1/2  <=>  S(e + r) = S(e) / 2, with S the survival function of X.
        double half = upperTail((Math.log(elapsedMillis) - mu) / sigma) / 2;
        if (half < 1e-300) {
            return Math.round(meanMillis * HallEstimator.REMAINING_SHARE_PAST_MEAN);   // beyond any sensible tail
        }
        double median = Math.exp(mu - sigma * lowerQuantile(half));
        return Math.max(0, Math.round(median - elapsedMillis));
    }

    /**
     * P(Z > z) for a standard normal Z, by the complementary error function's Chebyshev fit of Numerical
     * Recipes (fractional error below 1.2e-7 everywhere, tails included).
     */
    static double upperTail(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * x);
        double erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return z >= 0 ? erfc / 2 : 1 - erfc / 2;
    }

    /** The z with P(Z <= z) = p, for 0 < p <= 1/2, by Acklam's rational approximation (error far below what a wait in whole minutes notices). */
    static double lowerQuantile(double p) {
        if (p < 0.02425) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                    - 2.549671010139719e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                    / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                    + 3.754408181402141e+00) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
                / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
    }
}
