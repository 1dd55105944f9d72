package vn.luot.core.notify;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.luot.core.domain.notify.RetryPolicy;
import vn.luot.core.domain.notify.Templates;
import vn.luot.core.store.OutboxStore;

/**
 * Delivers the outbox: on a timer, claims the due messages (leased, so another node skips them), hands
 * each to the {@link Notifier}, and records the outcome. A failed message is tried again with backoff
 * ({@link RetryPolicy}); one that fails {@code maxAttempts} times is marked failed and shown to managers
 * ({@code GET /api/v1/notifications/failed}). A message is marked sent only after the gateway took it,
 * and carries its idempotency key, so none is lost and none is sent twice.
 */
public final class OutboxSender extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    /** Longer than a send can take: a claimed message is not claimed again by another node meanwhile. */
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 50;
    private final OutboxStore outbox;
    private final Notifier notifier;
    private final Templates templates;
    private final RetryPolicy retry;
    private final Duration every;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public OutboxSender(OutboxStore outbox, Notifier notifier, Templates templates, RetryPolicy retry, Duration every,
                        Clock clock) {
        this.outbox = outbox;
        this.notifier = notifier;
        this.templates = templates;
        this.retry = retry;
        this.every = every;
        this.clock = clock;
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
        outbox.claimDue(clock.instant(), LEASE, BATCH)
                .compose(this::deliver)
                .onFailure(e -> LOG.warn("The outbox could not be read; trying again in {} s: {}", every.toSeconds(),
                        e.getMessage()))
                .onComplete(done -> running.set(false));
    }

    private Future<Void> deliver(List<OutboxStore.Pending> claimed) {
        Future<Void> chain = Future.succeededFuture();
        for (OutboxStore.Pending pending : claimed) {
            chain = chain.compose(done -> deliver(pending));
        }
        return chain;
    }

    private Future<Void> deliver(OutboxStore.Pending pending) {
        var notice = pending.notice();
        return notifier.send(notice, templates.render(notice))
                .compose(sent -> outbox.markSent(notice.id(), clock.instant()))
                .recover(e -> {
                    int attempts = pending.attempts() + 1;
                    Instant now = clock.instant();
                    Instant retryAt = retry.givesUpAfter(attempts) ? null : now.plus(retry.delayAfter(attempts));
                    if (retryAt == null) {
                        LOG.warn("Message {} ({}) failed for good after {} attempts: {}", notice.id(),
                                notice.kind().wireName(), attempts, e.getMessage());
                    }
                    String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    return outbox.markFailed(notice.id(), attempts, retryAt, error.length() > 300 ? error.substring(0, 300) : error);
                });
    }
}
