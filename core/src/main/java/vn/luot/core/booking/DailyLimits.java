package vn.luot.core.booking;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.booking.DailyLimit;
import vn.luot.core.store.LimitStore;

/**
 * Applies the daily limits per phone number and per client address around a booking or a remote ticket:
 * both counts are taken before the action and given back when it fails or was a replay, so a refused or
 * repeated request costs the citizen nothing. A request over a limit fails with {@link Problem#DAILY_LIMIT}
 * (429), retry after midnight.
 */
public final class DailyLimits {
    private final LimitStore store;
    private final DailyLimit limit;
    private final ZoneId zone;
    private final Clock clock;

    public DailyLimits(LimitStore store, DailyLimit limit, ZoneId zone, Clock clock) {
        this.store = store;
        this.limit = limit;
        this.zone = zone;
        this.clock = clock;
    }

    /** A daily limit reached: the problem and the seconds until the next day. */
    public static final class Reached extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient QueueException refusal;
        private final long retryAfterSeconds;

        Reached(QueueException refusal, long retryAfterSeconds) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public QueueException refusal() {
            return refusal;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /**
     * Runs the action within the limits of the phone (national form) and the address. A retry with the
     * idempotency key of a request already counted today is neither counted nor refused: it gets the
     * earlier answer from the action.
     *
     * @param idempotencyKey the request's key, or null
     * @param replayed       whether the action's result was found by its idempotency key (nothing new made)
     */
    public <T> Future<T> within(DailyLimit.Kind kind, String phone, String address, String idempotencyKey,
                                Supplier<Future<T>> action, java.util.function.Predicate<T> replayed) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), zone);
        if (idempotencyKey == null) {
            return counted(kind, phone, address, day, action, replayed, () -> Future.succeededFuture());
        }
        String keyHash = DailyLimit.subject(kind, "key:" + idempotencyKey, day);
        return store.firstUse(day, keyHash).compose(first -> first
                ? counted(kind, phone, address, day, action, replayed, () -> store.forgetKey(day, keyHash))
                : action.get());
    }

    private <T> Future<T> counted(DailyLimit.Kind kind, String phone, String address, LocalDate day,
                                  Supplier<Future<T>> action, java.util.function.Predicate<T> replayed,
                                  Supplier<Future<Void>> forgetKey) {
        String byPhone = DailyLimit.subject(kind, phone, day);
        String byAddress = DailyLimit.subject(kind, address, day);
        return take(day, byPhone, limit.perPhone(kind), Problem.DAILY_LIMIT_PHONE)
                .compose(phoneTaken -> take(day, byAddress, limit.perAddress(kind), Problem.DAILY_LIMIT_ADDRESS)
                        .recover(e -> store.giveBack(day, byPhone).transform(given -> Future.failedFuture(e))))
                .recover(e -> forgetKey.get().transform(forgot -> Future.failedFuture(e)))
                .compose(taken -> action.get()
                        .compose(result -> replayed.test(result) ? giveBack(day, byPhone, byAddress).map(result)
                                : Future.succeededFuture(result))
                        .recover(e -> giveBack(day, byPhone, byAddress).compose(given -> forgetKey.get())
                                .transform(given -> Future.failedFuture(e))));
    }

    private Future<Void> take(LocalDate day, String subject, int max, Problem problem) {
        return store.take(day, subject, max).compose(taken -> taken ? Future.<Void>succeededFuture()
                : Future.failedFuture(new Reached(new QueueException(problem, max), secondsToMidnight(day))));
    }

    private Future<Void> giveBack(LocalDate day, String byPhone, String byAddress) {
        return store.giveBack(day, byPhone).compose(done -> store.giveBack(day, byAddress));
    }

    private long secondsToMidnight(LocalDate day) {
        return Math.max(1, Duration.between(clock.instant(), day.plusDays(1).atStartOfDay(zone)).toSeconds());
    }
}
