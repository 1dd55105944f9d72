package vn.luot.core.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many requests one client address may make to the public booking routes: a token bucket per
 * address (Bucket4j), {@code perMinute} requests a minute with bursts of as many. The buckets live in
 * this node's memory; several nodes can share them later by building the same buckets through a Bucket4j
 * {@code ProxyManager} (PostgreSQL or Redis) instead of {@link Bucket#builder()}, behind {@link #take}.
 */
public final class RequestRateLimit {
    /** Past this many addresses the idle buckets (full again) are dropped, so memory stays bounded. */
    private static final int TIDY_ABOVE = 10_000;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int perMinute;

    public RequestRateLimit(int perMinute) {
        this.perMinute = perMinute;
    }

    /** @return 0 when the request may go ahead, else the seconds to wait (for Retry-After) */
    public long take(String address) {
        if (buckets.size() > TIDY_ABOVE) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= perMinute);
        }
        Bucket bucket = buckets.computeIfAbsent(address, a -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
    }
}
