package vn.luot.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * An open-loop step at a fixed rate. Each request has an intended send time on a fixed schedule, and its
 * latency is measured from that time, not from when it was actually sent: when the server falls behind,
 * the waiting shows up in the latency instead of silently slowing the load (no coordinated omission).
 * The first {@code warmup} of requests is sent but not measured.
 */
final class OpenLoop {
    private OpenLoop() {
    }

    /**
     * @param send sends request number {@code i}; its future says whether it succeeded
     */
    static Report.IssueStep run(Vertx vertx, int rate, Duration warmup, Duration measure,
                                LongFunction<Future<Boolean>> send) {
        long warmupCount = rate * warmup.toSeconds();
        long total = warmupCount + rate * measure.toSeconds();
        Latencies latencies = new Latencies();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        AtomicLong lastCompletion = new AtomicLong();
        Promise<Void> done = Promise.promise();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        double intervalNanos = 1e9 / rate;
        Context context = vertx.getOrCreateContext();
        long[] sent = {0};
        context.runOnContext(v -> vertx.setPeriodic(1, timer -> {
            long due = Math.min(total, (long) ((System.nanoTime() - start) / intervalNanos) + 1);
            for (; sent[0] < due; sent[0]++) {
                long intended = start + (long) (sent[0] * intervalNanos);
                boolean measured = sent[0] >= warmupCount;
                send.apply(sent[0]).onComplete(result -> {
                    long now = System.nanoTime();
                    if (measured) {
                        if (result.succeeded() && result.result()) {
                            latencies.recordNanos(now - intended);
                            ok.incrementAndGet();
                            lastCompletion.accumulateAndGet(now, Math::max);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                    if (completed.incrementAndGet() == total) {
                        done.tryComplete();
                    }
                });
            }
            if (sent[0] >= total) {
                vertx.cancelTimer(timer);
            }
        }));
        try {
            done.future().await(warmup.plus(measure).toSeconds() + 120, TimeUnit.SECONDS);
        } catch (Exception e) {
            errors.addAndGet(total - completed.get()); // still outstanding: count them as failed
        }
        long measureStart = start + (long) (warmupCount * intervalNanos);
        double seconds = Math.max(measure.toMillis() / 1000.0, (lastCompletion.get() - measureStart) / 1e9);
        return new Report.IssueStep(rate, ok.get() / seconds, total - warmupCount, ok.get(), errors.get(),
                latencies.ms(50), latencies.ms(99), latencies.ms(99.9), latencies.maxMs());
    }
}
