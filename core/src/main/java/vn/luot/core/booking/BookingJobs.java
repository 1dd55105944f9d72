package vn.luot.core.booking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The booking's background work, run on a timer: bookings missed by more than their late window expire
 * (where the centre lets them expire; see {@link BookingService#expireMissed}), and are counted in the
 * metric {@code luot.bookings.expired}. Every node may run it: the store's statements are safe to run
 * at once on several nodes (rows another node holds are skipped), so no node's memory decides anything.
 * One run at a time per node: a tick that finds the previous run still going is skipped.
 */
public final class BookingJobs extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(BookingJobs.class);
    private final BookingService bookings;
    private final Duration every;
    private final Counter expired;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public BookingJobs(BookingService bookings, Duration every, MeterRegistry registry) {
        this.bookings = bookings;
        this.every = every;
        this.expired = Counter.builder("luot.bookings.expired")
                .description("Bookings missed by more than their late window that expired")
                .register(registry);
    }

    @Override
    public Future<?> start() {
        timer = vertx.setPeriodic(every.toMillis(), id -> runOnce());
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }

    private void runOnce() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        bookings.expireMissed()
                .onSuccess(count -> {
                    if (count > 0) {
                        expired.increment(count);
                        LOG.info("{} missed bookings expired", count);
                    }
                })
                .onFailure(e -> LOG.warn("Expiring missed bookings failed; trying again in {} s: {}",
                        every.toSeconds(), e.getMessage()))
                .onComplete(done -> running.set(false));
    }
}
