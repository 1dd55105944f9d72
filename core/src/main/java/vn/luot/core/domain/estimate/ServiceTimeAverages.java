package vn.luot.core.domain.estimate;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import vn.luot.core.domain.catalogue.ServiceDefinition;

/**
 * What the day has taught about each service's service times. Both figures start from the configured
 * mean, so estimates are sensible from the first ticket of the day, and follow a drift (a slower
 * afternoon) as completed tickets come in.
 *
 * <ul>
 *   <li>{@link #mean}, the one the estimate plays with: a running mean of the <i>logarithms</i> of the
 *       service times (each completed ticket moves it by {@link #LOG_MEAN_SMOOTHING} of the difference),
 *       turned back into a mean by the log-normal's correction, exp(μ + σ²/2) with σ from the configured
 *       coefficient of variation. On log-normal times this is steadier than a running mean of the times
 *       themselves, which one long case pulls up for the next several estimates (docs/estimates.md).</li>
 *   <li>{@link #runningMean}: the plain running mean with {@code queue.serviceTimeSmoothing}, the input the
 *       old formula always had; only its baseline in the simulator reads it.</li>
 * </ul>
 *
 * <p>Not thread-safe: it belongs to the live hub, which owns one thread.
 */
public final class ServiceTimeAverages {
    /**
     * How far one completed ticket moves the mean of logarithms, for callers without a configuration (the
     * plain-Java tests); the server and scripts/simulate read {@code queue.serviceTimeLogSmoothing}, whose
     * shipped value this is. Chosen by measurement (docs/estimates.md): 0.1 weighs the last ten or so
     * tickets, enough to follow a drift within an hour or two.
     */
    public static final double LOG_MEAN_SMOOTHING = 0.1;
    /** The catalogue's spread of service times, when none is configured. */
    public static final double DEFAULT_VARIATION = 0.8;

    private final double smoothing;
    private final double logSmoothing;
    private final LogNormalServiceTime distribution;
    private final Map<String, Double> meanSeconds = new HashMap<>();
    private final Map<String, Double> meanLogSeconds = new HashMap<>();
    private final PlayedTimes playedTimes;

    /** With the measured log-mean smoothing and the catalogue's coefficient of variation. */
    public ServiceTimeAverages(Iterable<ServiceDefinition> services, double smoothing) {
        this(services, smoothing, LOG_MEAN_SMOOTHING, DEFAULT_VARIATION);
    }

    /**
     * @param smoothing              the old formula's running mean ({@code queue.serviceTimeSmoothing})
     * @param logSmoothing           the estimate's running mean of logarithms
     * @param coefficientOfVariation the spread of service times ({@code simulation.serviceTimeVariation})
     */
    public ServiceTimeAverages(Iterable<ServiceDefinition> services, double smoothing, double logSmoothing,
                               double coefficientOfVariation) {
        if (smoothing <= 0 || smoothing > 1 || logSmoothing <= 0 || logSmoothing > 1) {
            throw new IllegalArgumentException("smoothing must be in (0, 1]");
        }
        this.smoothing = smoothing;
        this.logSmoothing = logSmoothing;
        this.distribution = new LogNormalServiceTime(coefficientOfVariation);
        double sigma = distribution.sigma();
        services.forEach(s -> {
            double seconds = Math.max(1, s.meanServiceTime().toMillis() / 1000.0);
            meanSeconds.put(s.id(), seconds);
            meanLogSeconds.put(s.id(), Math.log(seconds) - sigma * sigma / 2);
        });
        this.playedTimes = PlayedTimes.logNormal(this::mean, distribution);
    }

    /** The service's expected service time, as the estimate plays it. */
    public Duration mean(String serviceId) {
        Double logSeconds = meanLogSeconds.get(serviceId);
        if (logSeconds == null) {
            return Duration.ZERO;
        }
        double sigma = distribution.sigma();
        return Duration.ofMillis(Math.round(Math.exp(logSeconds + sigma * sigma / 2) * 1000));
    }

    /** The plain running mean, the old formula's input (its baseline in the simulator). */
    public Duration runningMean(String serviceId) {
        Double seconds = meanSeconds.get(serviceId);
        return seconds == null ? Duration.ZERO : Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** How the estimate's play lets tickets take: {@link #mean}, the current ones by their median remaining time. */
    public PlayedTimes playedTimes() {
        return playedTimes;
    }

    /**
     * The played times with today's means copied, for a play on another thread: later completions do not
     * move them, and nothing of this object is read while the play runs.
     */
    public PlayedTimes playedTimesAsNow() {
        Map<String, Duration> means = new HashMap<>();
        meanLogSeconds.keySet().forEach(id -> means.put(id, mean(id)));
        return PlayedTimes.logNormal(id -> means.getOrDefault(id, Duration.ZERO), distribution);
    }

    public void record(String serviceId, Duration serviceTime) {
        if (serviceTime.isNegative() || serviceTime.isZero()) {
            return;
        }
        double seconds = serviceTime.toMillis() / 1000.0;
        meanSeconds.computeIfPresent(serviceId, (id, mean) -> mean + smoothing * (seconds - mean));
        meanLogSeconds.computeIfPresent(serviceId, (id, mean) -> mean + logSmoothing * (Math.log(seconds) - mean));
    }
}
