package vn.luot.core.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Slows password guessing, by account and by client address, with token buckets (Bucket4j). Every
 * attempt takes a token from its account's bucket and from its address's; a successful login gives
 * them back, so staff who type their password right are never slowed. An empty bucket refills one
 * attempt at a time, so an attacker who keeps an operator's account busy holds it for no longer than
 * one refill after they stop (seconds, never a day), and the operator's own tries keep coming through
 * at the refill rate.
 *
 * <p>The buckets of the least recently seen accounts and addresses are forgotten beyond a bound, so a
 * flood of made-up names cannot fill the memory.
 */
public final class LoginThrottle {
    private static final int REMEMBERED = 50_000;

    /**
     * @param accountAttempts attempts an account may take in a burst
     * @param accountRefill   how often an account gets one attempt back
     * @param addressAttempts attempts one client address may take in a burst, over all accounts
     * @param addressRefill   how often an address gets one attempt back
     */
    public record Limits(int accountAttempts, Duration accountRefill, int addressAttempts, Duration addressRefill) {
        public static final Limits DEFAULT = new Limits(10, Duration.ofSeconds(30), 30, Duration.ofSeconds(5));
    }

    /** An attempt under way: allowed, or refused with how long to wait. */
    public interface Attempt {
        boolean allowed();

        /** Whole seconds until the next attempt may be made (for {@code Retry-After}); 0 when allowed. */
        long retryAfterSeconds();

        /** The password was right: the attempt is given back. */
        void succeeded();
    }

    private final Map<String, Bucket> accounts = bounded();
    private final Map<String, Bucket> addresses = bounded();
    private final Supplier<Bucket> accountBucket;
    private final Supplier<Bucket> addressBucket;

    /** @param clock the server's clock, so that tests can let the buckets refill without waiting */
    public LoginThrottle(Limits limits, Clock clock) {
        TimeMeter time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return TimeUnit.MILLISECONDS.toNanos(clock.millis());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.accountBucket = () -> bucket(limits.accountAttempts(), limits.accountRefill(), time);
        this.addressBucket = () -> bucket(limits.addressAttempts(), limits.addressRefill(), time);
    }

    public Attempt begin(String username, String address) {
        Bucket account = accounts.computeIfAbsent(username.trim().toLowerCase(Locale.ROOT), k -> accountBucket.get());
        Bucket client = addresses.computeIfAbsent(address, k -> addressBucket.get());
        ConsumptionProbe byAccount = account.tryConsumeAndReturnRemaining(1);
        ConsumptionProbe byAddress = client.tryConsumeAndReturnRemaining(1);
        if (byAccount.isConsumed() && byAddress.isConsumed()) {
            return new Allowed(account, client);
        }
        if (byAccount.isConsumed()) {
            account.addTokens(1);
        }
        if (byAddress.isConsumed()) {
            client.addTokens(1);
        }
        long nanos = Math.max(byAccount.getNanosToWaitForRefill(), byAddress.getNanosToWaitForRefill());
        long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        return new Refused(seconds);
    }

    private static Bucket bucket(int attempts, Duration refill, TimeMeter time) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(1, refill).build())
                .withCustomTimePrecision(time)
                .build();
    }

    private static Map<String, Bucket> bounded() {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > REMEMBERED;
            }
        });
    }

    private record Allowed(Bucket account, Bucket client) implements Attempt {
        @Override
        public boolean allowed() {
            return true;
        }

        @Override
        public long retryAfterSeconds() {
            return 0;
        }

        @Override
        public void succeeded() {
            account.addTokens(1);
            client.addTokens(1);
        }
    }

    private record Refused(long retryAfterSeconds) implements Attempt {
        @Override
        public boolean allowed() {
            return false;
        }

        @Override
        public void succeeded() {
        }
    }
}
