package vn.luot.core.limits;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Locale;
import vn.luot.core.domain.limit.RateRule;

/**
 * Slows password guessing, by account and by client address, with token buckets shared by every node
 * ({@link RateLimiter}). Every attempt takes a token from its address's bucket and from its account's; a
 * successful login gives them back, so staff who type their password right are never slowed. An empty
 * bucket refills one attempt at a time, so an attacker who keeps an operator's account busy holds it for no
 * longer than one refill after they stop (seconds, never a day), and the operator's own tries keep coming
 * through at the refill rate.
 *
 * <p>Checked before the password is hashed, so guessing costs the server one statement once refused.
 */
public final class LoginThrottle {
    static final String BY_ACCOUNT = "login-account";
    static final String BY_ADDRESS = "login-address";

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
        Future<Void> succeeded();
    }

    private final RateLimiter limiter;
    private final RateRule perAccount;
    private final RateRule perAddress;

    public LoginThrottle(Limits limits, RateLimiter limiter) {
        this.limiter = limiter;
        this.perAccount = new RateRule(limits.accountAttempts(), limits.accountRefill());
        this.perAddress = new RateRule(limits.addressAttempts(), limits.addressRefill());
    }

    /** Takes the address's token, then the account's; when the account refuses, the address's goes back. */
    public Future<Attempt> begin(String username, String address) {
        String account = username.trim().toLowerCase(Locale.ROOT);
        return limiter.take(BY_ADDRESS, address, perAddress).compose(byAddress -> byAddress.allowed()
                ? byAccount(account, address) : Future.succeededFuture(new Refused(byAddress.retryAfterSeconds())));
    }

    private Future<Attempt> byAccount(String account, String address) {
        return limiter.take(BY_ACCOUNT, account, perAccount).compose(byAccount -> byAccount.allowed()
                ? Future.succeededFuture(new Allowed(account, address))
                : limiter.giveBack(BY_ADDRESS, address, perAddress).map(new Refused(byAccount.retryAfterSeconds())));
    }

    private final class Allowed implements Attempt {
        private final String account;
        private final String address;

        Allowed(String account, String address) {
            this.account = account;
            this.address = address;
        }

        @Override
        public boolean allowed() {
            return true;
        }

        @Override
        public long retryAfterSeconds() {
            return 0;
        }

        @Override
        public Future<Void> succeeded() {
            return Future.all(limiter.giveBack(BY_ACCOUNT, account, perAccount),
                    limiter.giveBack(BY_ADDRESS, address, perAddress)).mapEmpty();
        }
    }

    private record Refused(long retryAfterSeconds) implements Attempt {
        @Override
        public boolean allowed() {
            return false;
        }

        @Override
        public Future<Void> succeeded() {
            return Future.succeededFuture();
        }
    }
}
