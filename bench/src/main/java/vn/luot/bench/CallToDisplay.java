package vn.luot.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How long a call takes to reach the hall displays. D WebSocket subscribers follow one site; counters
 * call tickets at a fixed rate; every subscriber's receipt of each {@code ticket.called} event is matched
 * to its call by ticket id and timed from the moment the call-next request was sent.
 */
final class CallToDisplay {
    private final Vertx vertx;
    private final Api api;
    private final String site;
    private final List<Integer> counters;
    private final ClientLoops loops;
    /** The size of the events the subscribers receive (every kind but snapshots and heartbeats). */
    private final java.util.concurrent.atomic.LongAdder eventBytes = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder eventCount = new java.util.concurrent.atomic.LongAdder();

    CallToDisplay(Vertx vertx, Api api, String site, List<Integer> counters, ClientLoops loops) {
        this.vertx = vertx;
        this.api = api;
        this.site = site;
        this.counters = counters;
        this.loops = loops;
    }

    /** One subscriber: checks that sequence numbers go up by one and stamps each call it receives. */
    private static final class Subscriber {
        final int index;
        long lastSeq = -1;
        WebSocket socket;

        Subscriber(int index) {
            this.index = index;
        }
    }

    /** A call: its ticket, when the request was sent and when its answer came back. */
    record Call(String ticketId, long sentNanos, long answeredNanos) {
    }

    Report.DisplayRun run(int subscribers, double callsPerSecond, Duration warmup, Duration duration,
                          Consumer<String> progress, Supplier<Report.Resources> measureResources,
                          Supplier<ProcessProbe.CpuMeter> cpuMeter) {
        Map<String, AtomicLongArray> receipts = new ConcurrentHashMap<>();
        AtomicLong outOfOrder = new AtomicLong();
        eventBytes.reset();
        eventCount.reset();
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(subscribers + 100)
                .setConnectTimeout(30_000));
        List<Subscriber> all = new ArrayList<>();
        long connectStart = System.nanoTime();
        try {
            connectAll(client, subscribers, all, receipts, outOfOrder, progress);
            double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
            progress.accept(String.format("  %,d subscribers connected in %.1f s", subscribers, connectSeconds));
            Report.Resources connected = measureResources.get();
            callAtRate(callsPerSecond, warmup); // the first calls pay for JIT compilation: not measured
            ProcessProbe.CpuMeter cpu = cpuMeter.get(); // the calls only, not the connecting
            long deliveredBefore = eventCount.sum();
            long windowStart = System.nanoTime();
            List<Call> calls = callAtRate(callsPerSecond, duration);
            Report.Cpu duringCalls = cpu.stop();
            double windowSeconds = (System.nanoTime() - windowStart) / 1e9;
            long delivered = eventCount.sum() - deliveredBefore;
            // What the server spent per delivered event, the calls' own work included: it does not depend on
            // how long the server waited for a core, so it compares builds on a busy machine.
            double serverMicrosPerDelivery = delivered == 0 ? Double.NaN
                    : duringCalls.serverPercent() / 100 * windowSeconds * 1e6 / delivered;
            sleep(Duration.ofSeconds(3)); // let the last events arrive
            Latencies each = new Latencies();
            Latencies beyondAnswer = new Latencies();
            Latencies last = new Latencies();
            Latencies answer = new Latencies();
            long missing = 0;
            for (Call call : calls) {
                answer.recordNanos(call.answeredNanos() - call.sentNanos());
                AtomicLongArray times = receipts.get(call.ticketId());
                long latest = 0;
                for (int i = 0; i < subscribers; i++) {
                    long t = times == null ? 0 : times.get(i);
                    if (t == 0) {
                        missing++;
                        continue;
                    }
                    each.recordNanos(t - call.sentNanos());
                    beyondAnswer.recordNanos(t - call.answeredNanos()); // negative (before the answer) counts as 0
                    latest = Math.max(latest, t);
                }
                if (latest > 0) {
                    last.recordNanos(latest - call.sentNanos());
                }
            }
            return new Report.DisplayRun(subscribers, calls.size(), callsPerSecond, each.ms(50), each.ms(99),
                    last.ms(50), last.ms(99), missing, outOfOrder.get(), answer.ms(50), answer.ms(99), connectSeconds,
                    connected, beyondAnswer.ms(99), duringCalls,
                    eventCount.sum() == 0 ? 0 : eventBytes.sum() / eventCount.sum(), serverMicrosPerDelivery);
        } finally {
            all.forEach(s -> {
                if (s.socket != null) {
                    s.socket.close();
                }
            });
            client.close();
        }
    }

    private void connectAll(WebSocketClient client, int count, List<Subscriber> all, Map<String, AtomicLongArray> receipts,
                            AtomicLong outOfOrder, Consumer<String> progress) {
        int batch = 250;
        for (int from = 0; from < count; from += batch) {
            List<Future<Void>> ready = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + batch); i++) {
                Subscriber s = new Subscriber(i);
                all.add(s);
                ready.add(loops.onNext(() -> connect(client, s, count, receipts, outOfOrder)));
            }
            Future.join(ready).timeout(180, TimeUnit.SECONDS).await();
            long failed = ready.stream().filter(Future::failed).count();
            if (failed > 0) {
                throw new IllegalStateException(failed + " of " + ready.size() + " subscribers could not connect: "
                        + ready.stream().filter(Future::failed).findFirst().orElseThrow().cause());
            }
            if ((from / batch) % 8 == 7) {
                progress.accept(String.format("  ... %,d of %,d connected", Math.min(count, from + batch), count));
            }
        }
    }

    /** Completes when the subscriber has its snapshot. */
    private Future<Void> connect(WebSocketClient client, Subscriber s, int count, Map<String, AtomicLongArray> receipts,
                                 AtomicLong outOfOrder) {
        Promise<Void> snapshot = Promise.promise();
        return client.connect(api.port(), api.host(), "/ws/sites/" + site).compose(socket -> {
            s.socket = socket;
            socket.textMessageHandler(text -> {
                long now = System.nanoTime();
                String type = field(text, "\"type\":\"");
                long seq = Long.parseLong(number(text, "\"seq\":"));
                if ("snapshot".equals(type)) {
                    s.lastSeq = seq;
                    snapshot.tryComplete();
                    return;
                }
                if ("heartbeat".equals(type) || s.lastSeq < 0) {
                    return;
                }
                if (seq != s.lastSeq + 1) {
                    outOfOrder.incrementAndGet();
                }
                s.lastSeq = seq;
                eventBytes.add(text.length()); // the events are ASCII but for names: characters ~ bytes
                eventCount.increment();
                if ("ticket.called".equals(type)) {
                    String ticketId = field(text.substring(text.indexOf("\"ticket\":{")), "\"id\":\"");
                    AtomicLongArray times = receipts.computeIfAbsent(ticketId, id -> new AtomicLongArray(count));
                    if (times.getAndSet(s.index, now) != 0) {
                        outOfOrder.incrementAndGet(); // delivered twice
                    }
                }
            });
            socket.closeHandler(v -> snapshot.tryFail("closed by the server before its snapshot ("
                    + socket.closeStatusCode() + " " + socket.closeReason() + ")"));
            return snapshot.future().timeout(60, TimeUnit.SECONDS);
        });
    }

    /** Calls next at a fixed rate, round the counters; each counter completes its ticket before calling again. */
    List<Call> callAtRate(double perSecond, Duration duration) {
        List<Call> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        boolean[] busy = new boolean[counters.size()];
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        double interval = 1e9 / perSecond;
        Promise<Void> done = Promise.promise();
        Context context = vertx.getOrCreateContext();
        long[] next = {start};
        AtomicLong inFlight = new AtomicLong();
        // One timer per due call, not a timer every millisecond: the pacing thread also reads displays,
        // and a thousand wake-ups a second of it competed with them and with the server for two cores.
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            long now = System.nanoTime();
            if (now >= end) {
                if (inFlight.get() == 0) {
                    done.tryComplete();
                }
                return;
            }
            while (next[0] <= now) {
                int idle = -1;
                for (int i = 0; i < busy.length; i++) {
                    if (!busy[i]) {
                        idle = i;
                        break;
                    }
                }
                if (idle < 0) {
                    vertx.setTimer(1, id -> tick[0].run()); // every counter is still busy: call as soon as one is free
                    return;
                }
                int slot = idle;
                busy[slot] = true;
                inFlight.incrementAndGet();
                next[0] += (long) interval;
                long sent = System.nanoTime();
                api.callNext(counters.get(slot))
                        .compose(ticket -> {
                            if (ticket == null) {
                                return Future.succeededFuture();
                            }
                            calls.add(new Call(ticket.getString("id"), sent, System.nanoTime()));
                            return api.complete(counters.get(slot), ticket.getString("id"));
                        })
                        .onComplete(ar -> context.runOnContext(x -> {
                            busy[slot] = false;
                            if (inFlight.decrementAndGet() == 0 && System.nanoTime() >= end) {
                                done.tryComplete();
                            }
                        }));
            }
            long waitMillis = Math.max(1, (next[0] - System.nanoTime() + 999_999) / 1_000_000);
            vertx.setTimer(waitMillis, id -> tick[0].run());
        };
        context.runOnContext(v -> tick[0].run());
        done.future().timeout(duration.toSeconds() + 60, TimeUnit.SECONDS).await();
        return new ArrayList<>(calls);
    }

    private static String field(String json, String key) {
        int from = json.indexOf(key) + key.length();
        return json.substring(from, json.indexOf('"', from));
    }

    private static String number(String json, String key) {
        int from = json.indexOf(key) + key.length();
        int to = from;
        while (to < json.length() && Character.isDigit(json.charAt(to))) {
            to++;
        }
        return json.substring(from, to);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
