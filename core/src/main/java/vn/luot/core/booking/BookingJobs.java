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
 * metric {@code luot.bookings.expired}; remote and booked tickets whose turn is near get their message
 * (once per ticket: its outbox id follows from the ticket's); and, once an hour, the personal data of
 * bookings, tickets and messages older than {@code booking.keepPersonalDataDays} is erased. Every node may run it: the store's statements are safe to run
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

    private final TurnNearWatch turnNear;

    /** Sends the turn-near message of remote and booked tickets; see {@link #runOnce}. */
    public interface TurnNearWatch {
        Future<Integer> check();
    }

    /** Erasure runs once an hour at most on a node (and only one node at a time does the work). */
    private static final Duration ERASE_EVERY = Duration.ofHours(1);
    private final Erasure erasure;
    private java.time.Instant lastErased = java.time.Instant.MIN;

    /** Erases the personal data older than the configured days; see {@link vn.luot.core.store.ErasureStore}. */
    public interface Erasure {
        Future<vn.luot.core.store.ErasureStore.Erased> run();

        java.time.Instant now();
    }

    public BookingJobs(BookingService bookings, TurnNearWatch turnNear, Erasure erasure, Duration every,
                       MeterRegistry registry) {
        this.erasure = erasure;
        this.turnNear = turnNear;
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
                .transform(done -> turnNear.check())
                .onFailure(e -> LOG.warn("Checking for near turns failed; trying again in {} s: {}",
                        every.toSeconds(), e.getMessage()))
                .transform(done -> erase())
                .onFailure(e -> LOG.warn("Erasing old personal data failed; trying again later: {}", e.getMessage()))
                .onComplete(done -> running.set(false));
    }

    private Future<Void> erase() {
        java.time.Instant now = erasure.now();
        if (now.isBefore(lastErased.plus(ERASE_EVERY))) {
            return Future.succeededFuture();
        }
        return erasure.run().map(erased -> {
            lastErased = now;
            if (erased.bookings() + erased.tickets() + erased.messages() > 0) {
                LOG.info("Erased the personal data of {} bookings, {} tickets and {} messages", erased.bookings(),
                        erased.tickets(), erased.messages());
            }
            return null;
        });
    }
}
