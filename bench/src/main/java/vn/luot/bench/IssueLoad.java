package vn.luot.bench;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop ticket issuing at a fixed rate. Each request has an intended send time on a fixed schedule,
 * and its latency is measured from that time, not from when it was actually sent: when the server falls
 * behind, the waiting shows up in the latency instead of silently slowing the load (no coordinated omission).
 */
final class IssueLoad {
    private final Vertx vertx;
    private final HttpClient client;
    private final String host;
    private final int port;
    private final TicketMix mix;

    IssueLoad(Vertx vertx, HttpClient client, String host, int port, TicketMix mix) {
        this.vertx = vertx;
        this.client = client;
        this.host = host;
        this.port = port;
        this.mix = mix;
    }

    Report.IssueStep run(int rate, Duration warmup, Duration measure) {
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
                send(intended, measured, latencies, ok, errors, completed, lastCompletion, total, done);
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

    private void send(long intended, boolean measured, Latencies latencies, AtomicLong ok, AtomicLong errors,
                      AtomicLong completed, AtomicLong lastCompletion, long total, Promise<Void> done) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port)
                .setURI("/api/v1/tickets").putHeader("Content-Type", "application/json")
                .setIdleTimeout(60_000);
        client.request(options)
                .compose(request -> request.send(mix.next()))
                .compose(response -> response.body().map(body -> response.statusCode()))
                .onComplete(result -> {
                    long now = System.nanoTime();
                    if (measured) {
                        if (result.succeeded() && result.result() == 201) {
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
}
