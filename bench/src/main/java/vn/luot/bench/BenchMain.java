package vn.luot.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.luot.core.config.LuotConfig;

/**
 * The load generator behind {@code scripts/bench}. It expects a running server (the script starts it)
 * and measures, in one run: the raw database ceiling, open-loop ticket issuing at rising rates up to the
 * knee, and call-to-display latency with 200, 2,000 and 10,000 WebSocket subscribers.
 *
 * <p>Options: --url, --admin-password, --server-pid, --postmaster-pid, --db-url, --pool-size,
 * --cold-ready-ms, --warm-ready-ms, --out, --quick (short phases, for trying the bench itself),
 * --only display|issue|store|phones, --rates 2000,4000 (issue rates instead of the rising series), --call-rate 2,
 * --subscribers 200,2000 (instead of 200, 2,000 and 10,000), --phones 1000 (0: no phones phase),
 * --phone-call-rate 2, --client-loops 4 (how many of the load generator's event loops read the displays and
 * phones, see {@link ClientLoops}), --fresh-request and --fresh-answer (the named pipes through which scripts/bench
 * starts a fresh server for the display and phones phases, see {@link HallServer}).
 */
public final class BenchMain {
    private static final int[] FIXED_RATES = {500, 1000, 2000, 4000};
    private static final int[] SUBSCRIBERS = {200, 2000, 10000};
    private static final List<Integer> HALL_COUNTERS = List.of(1, 2, 3, 4, 5, 6, 7, 8);
    /** Calls per second asked for while warming the hall's server up: as fast as its eight counters go. */
    private static final double CALL_JIT_WARMUP_RATE = 100;

    private BenchMain() {
    }

    public static void main(String[] args) {
        try {
            run(options(args));
            System.exit(0);
        } catch (Exception | AssertionError e) {
            System.err.println("The bench failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Map<String, String> opt) throws Exception {
        boolean quick = opt.containsKey("quick");
        Duration warmup = Duration.ofSeconds(quick ? 1 : 3);
        Duration measure = Duration.ofSeconds(quick ? 3 : 10);
        java.net.URI url = java.net.URI.create(opt.getOrDefault("url", "http://localhost:8080"));
        long serverPid = Long.parseLong(opt.getOrDefault("server-pid", "0"));
        long postmasterPid = Long.parseLong(opt.getOrDefault("postmaster-pid", "0"));
        int poolSize = Integer.parseInt(opt.getOrDefault("pool-size", "16"));

        Vertx vertx = Vertx.vertx();
        // The load has a client of its own: an overloaded step leaves it nothing the next phases depend on.
        HttpClient load = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(256).setMaxWaitQueueSize(-1));
        HttpClient control = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(16));
        Api api = new Api(control, url.getHost(), url.getPort());
        api.login("admin", opt.get("admin-password"));
        Report report = new Report();
        report.coldReadyMs = Long.parseLong(opt.getOrDefault("cold-ready-ms", "-1"));
        report.warmReadyMs = Long.parseLong(opt.getOrDefault("warm-ready-ms", "-1"));
        report.environment = new JsonObject()
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("java", System.getProperty("java.version"))
                .put("serverHeapMax", opt.getOrDefault("server-heap", "?"))
                .put("databasePoolSize", poolSize)
                .put("database", opt.containsKey("postmaster-pid") ? "embedded PostgreSQL" : "external PostgreSQL")
                .put("quick", quick);
        report.idle = resources(api, serverPid);
        log("Server idle: heap %d MB, RSS %d MB", report.idle.heapUsedMb(), report.idle.rssMb());

        boolean onlyDisplay = "display".equals(opt.get("only")) || "phones".equals(opt.get("only"));
        if (opt.containsKey("db-url") && !onlyDisplay) {
            log("Raw insert ceiling: %d connections, %d s ...", poolSize, measure.toSeconds());
            report.raw = RawInsertCeiling.run(vertx, opt.get("db-url"), poolSize, warmup, measure,
                    new ProcessProbe.CpuMeter(serverPid, postmasterPid));
            log("  %,.0f inserts/s (fsync=%s, synchronous_commit=%s)", report.raw.insertsPerSecond(),
                    report.raw.fsync(), report.raw.synchronousCommit());
        }

        if (opt.containsKey("db-url")) {
            Duration floorTime = Duration.ofSeconds(quick ? 3 : 30);
            log("Commit floor: one connection, 10 statements/s for %d s ...", floorTime.toSeconds());
            report.commitFloor = CommitFloor.run(vertx, opt.get("db-url"), 10, floorTime);
            log("  commit p50 %.2f ms, p99 %.2f ms", report.commitFloor.commitP50Ms(), report.commitFloor.commitP99Ms());
        }

        if (opt.containsKey("db-url") && !onlyDisplay) {
            // Group commit against every ticket alone, through the server's own store (issue 15), same database.
            int[] storeRates = quick ? new int[] {2000, 6000} : new int[] {2000, 4000, 6000, 8000, 10000, 12000, 16000};
            Duration storeWarmup = Duration.ofSeconds(quick ? 1 : 2);
            Duration storeMeasure = Duration.ofSeconds(quick ? 2 : 5);
            LuotConfig.IssueBatch alone = new LuotConfig.IssueBatch(Duration.ZERO, 1, poolSize);
            for (LuotConfig.IssueBatch settings : List.of(LuotConfig.IssueBatch.DEFAULT, alone)) {
                log("Issuing through the store, batches of up to %d ...", settings.maxSize());
                report.storeSteps.addAll(StoreIssueLoad.run(vertx, opt.get("db-url"), poolSize, settings, storeRates,
                        storeWarmup, storeMeasure));
            }
        }

        TicketMix mix = new TicketMix(api.get("/api/v1/sites"), api.get("/api/v1/services"));
        IssueLoad issue = new IssueLoad(vertx, load, url.getHost(), url.getPort(), mix);
        int[] rates = opt.containsKey("rates")
                ? java.util.Arrays.stream(opt.get("rates").split(",")).mapToInt(Integer::parseInt).toArray()
                : issueRates(quick);
        // --only store: the raw ceiling and issuing through the store, nothing over HTTP.
        boolean onlyStore = "store".equals(opt.get("only"));
        boolean onlyIssue = "issue".equals(opt.get("only")) || onlyStore;
        if (!onlyDisplay && !onlyStore) {
            // A server just started runs interpreted code: without this the first step measures the JIT.
            Duration jitWarmup = Duration.ofSeconds(quick ? 2 : 15);
            log("Warming the server up: tickets at 1,000/s for %d s (not reported) ...", jitWarmup.toSeconds());
            issue.run(1000, jitWarmup, Duration.ofSeconds(1));
        }
        for (int rate : onlyDisplay || onlyStore ? new int[0] : rates) {
            log("Ticket issue at %,d/s for %d s ...", rate, warmup.plus(measure).toSeconds());
            ProcessProbe.CpuMeter cpu = new ProcessProbe.CpuMeter(serverPid, postmasterPid);
            String metricsBefore = api.metrics();
            Report.IssueStep step = issue.run(rate, warmup, measure);
            report.issueSteps.add(step);
            report.issueCpu.add(cpu.stop());
            BatchSizes batches = BatchSizes.between(metricsBefore, api.metrics());
            report.issueBatches.add(batches);
            log("  achieved %,.0f/s, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, errors %d; group commits: %,d, "
                            + "tickets per batch mean %.1f, p50 <= %.0f, p99 <= %.0f", step.achievedRate(),
                    step.p50Ms(), step.p99Ms(), step.p999Ms(), step.errors(), batches.batches(), batches.mean(),
                    batches.p50(), batches.p99());
            boolean knee = step.achievedRate() < 0.9 * rate || step.errors() > step.requests() / 100
                    || step.p99Ms() > 1000;
            if (rate > FIXED_RATES[FIXED_RATES.length - 1] && knee) {
                log("  past the knee: stopping here");
                break;
            }
        }

        load.close().await();
        int[] subscriberCounts = onlyIssue || "phones".equals(opt.get("only")) ? new int[0]
                : opt.containsKey("subscribers")
                ? java.util.Arrays.stream(opt.get("subscribers").split(",")).mapToInt(Integer::parseInt).toArray()
                : SUBSCRIBERS;
        int phones = onlyIssue ? 0 : Integer.parseInt(opt.getOrDefault("phones", "1000"));
        boolean hallAfterIssuing = !onlyDisplay && (subscriberCounts.length > 0 || phones > 0);
        HallServer hall = hallServer(opt, vertx, new HallServer(api, serverPid, postmasterPid, HallServer.SAME),
                hallAfterIssuing);
        report.displayServer = hall.which();
        if (HallServer.FRESH.equals(hall.which())) {
            report.displayServerIdle = resources(hall);
            log("Fresh server idle: heap %d MB, RSS %d MB", report.displayServerIdle.heapUsedMb(),
                    report.displayServerIdle.rssMb());
        }
        int clientLoopCount = opt.containsKey("client-loops") ? Integer.parseInt(opt.get("client-loops"))
                : io.vertx.core.VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;
        ClientLoops clientLoops = ClientLoops.of(vertx, clientLoopCount);
        CallToDisplay display = new CallToDisplay(vertx, hall.api(), "hac-thanh", HALL_COUNTERS, clientLoops);
        for (int counter : HALL_COUNTERS) {
            hall.api().openCounter(counter, "chung-thuc");
            hall.api().freeCounter(counter);
        }
        // A busy hall calls about once a minute; 2 calls a second (each also followed by its completion)
        // is a stress rate, and it stays the same for every number of subscribers.
        double callRate = Double.parseDouble(opt.getOrDefault("call-rate", "2"));
        Duration callTime = Duration.ofSeconds(quick ? 5 : 20);
        Duration callWarmup = Duration.ofSeconds(quick ? 1 : 4);
        if (subscriberCounts.length > 0 || phones > 0) {
            // The hall's server has just started: its call path is still interpreted or compiled by C1, and
            // C2 compiles it during the first steps, on the same two cores (one run: 200 displays p99 41.8 ms
            // on the first step, 26.9-28.2 ms on three more straight after). A hall runs all day: measure it warm.
            Duration jitWarmup = Duration.ofSeconds(quick ? 2 : 15);
            int warmupCalls = (int) (CALL_JIT_WARMUP_RATE * jitWarmup.toSeconds());
            hall.api().issue("hac-thanh", "chung-thuc", warmupCalls);
            log("Warming the hall's server up: up to %,d calls in %d s, no subscriber (not reported) ...",
                    warmupCalls, jitWarmup.toSeconds());
            display.callAtRate(CALL_JIT_WARMUP_RATE, jitWarmup);
        }
        for (int subscribers : subscriberCounts) {
            hall.api().issue("hac-thanh", "chung-thuc", (int) (callRate * callTime.plus(callWarmup).toSeconds()) + 20);
            log("Call to display: %,d subscribers, %.0f calls/s for %d s ...", subscribers, callRate,
                    callTime.toSeconds());
            Report.DisplayRun run = display.run(subscribers, callRate, callWarmup, callTime, BenchMain::log,
                    () -> resources(hall), hall::cpuMeter);
            report.displayRuns.add(run);
            log("  p50 %.1f ms, p99 %.1f ms, last subscriber p99 %.1f ms, missing %d, out of order %d",
                    run.p50Ms(), run.p99Ms(), run.lastP99Ms(), run.missing(), run.outOfOrder());
        }

        // Issue 15: a busy morning on the phones, each following its own ticket while the counters call.
        if (phones > 0) {
            double phoneCallRate = Double.parseDouble(opt.getOrDefault("phone-call-rate", "2"));
            log("Phones: %,d tickets followed on /ws/tickets/{id}, %.0f calls/s for %d s ...", phones, phoneCallRate,
                    callTime.toSeconds());
            Report.PhonesRun run = new PhonesFollowing(vertx, hall.api(), display, "hac-thanh", "chung-thuc", clientLoops)
                    .run(phones, phoneCallRate, callWarmup, callTime, BenchMain::log, hall::cpuMeter);
            report.phonesRuns.add(run);
            log("  p50 %.1f ms, p99 %.1f ms, last phone p99 %.1f ms, missing %d, out of order %d",
                    run.p50Ms(), run.p99Ms(), run.lastP99Ms(), run.missing(), run.outOfOrder());
        }

        report.print(System.out);
        Path out = Path.of(opt.getOrDefault("out", "bench/results/latest.json"));
        report.write(out);
        log("Wrote %s", out);
        vertx.close().await();
    }

    private static int[] issueRates(boolean quick) {
        if (quick) {
            return new int[] {500, 2000, 6000};
        }
        int[] rates = new int[FIXED_RATES.length + 8];
        System.arraycopy(FIXED_RATES, 0, rates, 0, FIXED_RATES.length);
        for (int i = 0; i < 8; i++) {
            rates[FIXED_RATES.length + i] = 6000 + 2000 * i;
        }
        return rates;
    }

    /**
     * The server the display and phones phases watch: a fresh one from scripts/bench when the issuing phases
     * ran before them (their backlog is no hall's), else the one the bench started with. Without
     * --fresh-request (an external database, or the bench run by hand) there is only that one.
     */
    private static HallServer hallServer(Map<String, String> opt, Vertx vertx, HallServer same, boolean fresh)
            throws java.io.IOException {
        if (!opt.containsKey("fresh-request")) {
            return same;
        }
        Path request = Path.of(opt.get("fresh-request"));
        if (!fresh) {
            HallServer.decline(request);
            return same;
        }
        log("Asking for a fresh server for the display and phones phases (the issuing phases' backlog stays behind) ...");
        // A client of its own: the first server's connections die with it.
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(16));
        return HallServer.askFresh(request, Path.of(opt.get("fresh-answer")), client, opt.get("admin-password"));
    }

    private static Report.Resources resources(HallServer server) {
        return resources(server.api(), server.serverPid());
    }

    /** Heap after a full GC (asked of the server through jcmd), and resident memory. */
    private static Report.Resources resources(Api api, long serverPid) {
        if (serverPid > 0) {
            try {
                String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
                new ProcessBuilder(jcmd, Long.toString(serverPid), "GC.run").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            } catch (Exception e) {
                log("(could not ask the server for a GC: %s)", e.getMessage());
            }
        }
        return new Report.Resources(api.heapUsedMegabytes(), serverPid > 0 ? ProcessProbe.rssMegabytes(serverPid) : -1);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String key = args[i].substring(2);
                boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
                options.put(key, hasValue ? args[++i] : "true");
            }
        }
        return options;
    }

    static void log(String format, Object... args) {
        System.out.printf(java.util.Locale.ROOT, format + "%n", args);
        System.out.flush();
    }

    static void log(String line) {
        log("%s", line);
    }
}
