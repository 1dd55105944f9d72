package vn.luot.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A busy morning on the citizens' phones: P tickets each followed on {@code /ws/tickets/{id}} while the
 * counters call the same line at a fixed rate, so every call moves every phone's position by one.
 *
 * <p>An update is matched to its call by the position it brings: a phone that stood at position p0 when
 * the calls began stands at p0 - k after the k-th call. The calls are seconds apart and each takes a few
 * milliseconds, so they commit in the order they were sent. Updates that move only the estimate (a
 * completed ticket changes the mean service time) are not calls' updates and are not timed.
 */
final class PhonesFollowing {
    private final Vertx vertx;
    private final ClientLoops loops;
    private final Api api;
    private final CallToDisplay caller;
    private final String site;
    private final String service;

    PhonesFollowing(Vertx vertx, Api api, CallToDisplay caller, String site, String service,
                    ClientLoops loops) {
        this.vertx = vertx;
        this.loops = loops;
        this.api = api;
        this.caller = caller;
        this.site = site;
        this.service = service;
    }

    /** One phone: its position before the calls, and when it learnt each later position. */
    private static final class Phone {
        final String ticketId;
        volatile int startPosition = -1;
        int lastPosition = Integer.MAX_VALUE;
        /** receipt time by calls made since the start (index k = after the k-th call), 0 when not received. */
        final long[] receivedAfterCall;

        Phone(String ticketId, int maxCalls) {
            this.ticketId = ticketId;
            this.receivedAfterCall = new long[maxCalls + 1];
        }
    }

    Report.PhonesRun run(int phones, double callsPerSecond, Duration warmup, Duration duration,
                         Consumer<String> progress, Supplier<ProcessProbe.CpuMeter> cpuMeter) {
        int maxCalls = (int) Math.ceil(callsPerSecond * (warmup.toSeconds() + duration.toSeconds())) + 10;
        // Tickets that will be called come first, so no followed ticket is called during the run.
        api.issue(site, service, maxCalls + 20);
        List<Phone> all = new ArrayList<>();
        for (int i = 0; i < phones; i++) {
            all.add(new Phone(api.issueOne(site, service).getString("id"), maxCalls));
        }
        AtomicLong outOfOrder = new AtomicLong();
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(phones + 100).setConnectTimeout(30_000));
        try {
            List<Future<Void>> ready = new ArrayList<>();
            for (Phone phone : all) {
                ready.add(loops.onNext(() -> connect(client, phone, outOfOrder)));
            }
            Future.join(ready).timeout(180, TimeUnit.SECONDS).await();
            progress.accept(String.format("  %,d phones following their tickets", phones));

            List<CallToDisplay.Call> warm = caller.callAtRate(callsPerSecond, warmup);
            ProcessProbe.CpuMeter cpu = cpuMeter.get();
            List<CallToDisplay.Call> calls = caller.callAtRate(callsPerSecond, duration);
            Report.Cpu duringCalls = cpu.stop();
            CallToDisplay.sleep(Duration.ofSeconds(3)); // let the last updates arrive

            Latencies each = new Latencies();
            Latencies last = new Latencies();
            Latencies answer = new Latencies();
            long missing = 0;
            long updates = 0;
            for (int c = 0; c < calls.size(); c++) {
                CallToDisplay.Call call = calls.get(c);
                int k = warm.size() + c + 1;
                answer.recordNanos(call.answeredNanos() - call.sentNanos());
                long latest = 0;
                for (Phone phone : all) {
                    long t = k < phone.receivedAfterCall.length ? phone.receivedAfterCall[k] : 0;
                    if (t == 0) {
                        missing++;
                        continue;
                    }
                    updates++;
                    each.recordNanos(t - call.sentNanos());
                    latest = Math.max(latest, t);
                }
                if (latest > 0) {
                    last.recordNanos(latest - call.sentNanos());
                }
            }
            return new Report.PhonesRun(phones, calls.size(), callsPerSecond, updates, each.ms(50), each.ms(99),
                    last.ms(99), missing, outOfOrder.get(), answer.ms(99), duringCalls);
        } finally {
            client.close();
        }
    }

    /** Completes when the phone has its first message, where its ticket stands before any call. */
    private Future<Void> connect(WebSocketClient client, Phone phone, AtomicLong outOfOrder) {
        Promise<Void> first = Promise.promise();
        return client.connect(api.port(), api.host(), "/ws/tickets/" + phone.ticketId).compose(socket -> {
            socket.textMessageHandler(text -> {
                long now = System.nanoTime();
                JsonObject message = new JsonObject(text);
                Integer position = message.getInteger("position");
                if (!"ticket".equals(message.getString("type")) || position == null) {
                    return;
                }
                if (phone.startPosition < 0) {
                    phone.startPosition = position;
                    phone.lastPosition = position;
                    first.tryComplete();
                    return;
                }
                if (position > phone.lastPosition) {
                    outOfOrder.incrementAndGet();
                } else if (position < phone.lastPosition) {
                    phone.lastPosition = position;
                    int k = phone.startPosition - position;
                    if (k < phone.receivedAfterCall.length) {
                        phone.receivedAfterCall[k] = now;
                    }
                }
            });
            socket.closeHandler(v -> first.tryFail("closed by the server before its first message ("
                    + socket.closeStatusCode() + " " + socket.closeReason() + ")"));
            return first.future().timeout(60, TimeUnit.SECONDS);
        });
    }
}
