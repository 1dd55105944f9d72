package vn.luot.core.limits;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.luot.core.domain.limit.HashedSubject;
import vn.luot.core.domain.limit.RateRule;
import vn.luot.core.store.RateLimitStore;

/**
 * Request rate limits kept in the shared database ({@link RateLimitStore}), so that every node counts the
 * same buckets: behind a load balancer a client gets its allowance once, not once per node. The subject (a
 * client address, an account name) is stored only as a SHA-256 hash with its scope.
 *
 * <p>Time is this node's clock; the nodes of one deployment keep their clocks in step (NTP), and a
 * difference of a second between them moves a limit by a second. Buckets that are full again are
 * forgotten by whichever node takes a token after a minute without forgetting: no node has to be the one
 * that tidies, and tidying twice does no harm.
 */
public final class RateLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);
    private static final long TIDY_EVERY_MICROS = Duration.ofMinutes(1).toNanos() / 1_000;

    private final RateLimitStore store;
    private final Clock clock;
    private final AtomicLong lastTidy;

    public RateLimiter(RateLimitStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.lastTidy = new AtomicLong(nowMicros());
    }

    /** Allowed, or refused with the whole seconds to wait (for {@code Retry-After}). */
    public record Verdict(boolean allowed, long retryAfterSeconds) {
        static final Verdict ALLOWED = new Verdict(true, 0);
    }

    /** Takes one request from the bucket of {@code who} in {@code scope}. */
    public Future<Verdict> take(String scope, String who, RateRule rule) {
        long now = nowMicros();
        tidyNowAndThen(now);
        return store.take(scope, subject(scope, who), rule, now).map(decision -> decision.allowed() ? Verdict.ALLOWED
                : new Verdict(false, rule.retryAfterSeconds(decision.fullAt(), now)));
    }

    /** Gives back the request taken for {@code who} in {@code scope} (it should not have counted). */
    public Future<Void> giveBack(String scope, String who, RateRule rule) {
        return store.giveBack(scope, subject(scope, who), rule, nowMicros());
    }

    private void tidyNowAndThen(long now) {
        long last = lastTidy.get();
        if (now - last >= TIDY_EVERY_MICROS && lastTidy.compareAndSet(last, now)) {
            store.forgetFull(now)
                    .onSuccess(forgotten -> LOG.debug("Forgot {} rate limit buckets that were full again", forgotten))
                    .onFailure(e -> LOG.warn("Could not forget the full rate limit buckets: {}", e.getMessage()));
        }
    }

    private long nowMicros() {
        Instant now = clock.instant();
        return ChronoUnit.MICROS.between(Instant.EPOCH, now);
    }

    static String subject(String scope, String who) {
        return HashedSubject.of(scope + '|' + who);
    }
}
