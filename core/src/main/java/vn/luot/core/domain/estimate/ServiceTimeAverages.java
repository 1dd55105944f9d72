package vn.luot.core.domain.estimate;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import vn.luot.core.domain.catalogue.ServiceDefinition;

/**
 * A running mean of each service's recent service times, by exponential smoothing: each completed
 * ticket moves the mean by {@code smoothing} of the difference. It starts from the configured mean, so
 * estimates are sensible from the first ticket of the day.
 *
 * <p>Not thread-safe: it belongs to the live hub, which owns one thread.
 */
public final class ServiceTimeAverages {
    private final double smoothing;
    private final Map<String, Double> meanSeconds = new HashMap<>();

    public ServiceTimeAverages(Iterable<ServiceDefinition> services, double smoothing) {
        if (smoothing <= 0 || smoothing > 1) {
            throw new IllegalArgumentException("smoothing must be in (0, 1]");
        }
        this.smoothing = smoothing;
        services.forEach(s -> meanSeconds.put(s.id(), (double) s.meanServiceTime().toSeconds()));
    }

    public Duration mean(String serviceId) {
        Double seconds = meanSeconds.get(serviceId);
        return seconds == null ? Duration.ZERO : Duration.ofMillis(Math.round(seconds * 1000));
    }

    public void record(String serviceId, Duration serviceTime) {
        if (serviceTime.isNegative() || serviceTime.isZero()) {
            return;
        }
        meanSeconds.computeIfPresent(serviceId,
                (id, mean) -> mean + smoothing * (serviceTime.toMillis() / 1000.0 - mean));
    }
}
