package vn.luot.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What one bench run measured, printed as a table beside the targets and written as JSON. */
final class Report {
    record IssueStep(int targetRate, double achievedRate, long requests, long ok, long errors, double p50Ms,
                     double p99Ms, double p999Ms, double maxMs) {
    }

    record RawCeiling(double insertsPerSecond, int connections, String fsync, String synchronousCommit, Cpu cpu) {
    }

    record Resources(long heapUsedMb, long rssMb) {
    }

    /**
     * One call-to-display run. {@code callAnswer} is the call-next request's own answer time (the database
     * work), so what the subscribers waited beyond it is the fan-out.
     */
    record DisplayRun(int subscribers, int calls, double callsPerSecond, double p50Ms, double p99Ms, double lastP50Ms,
                      double lastP99Ms, long missing, long outOfOrder, double callAnswerP50Ms, double callAnswerP99Ms,
                      double connectSeconds, Resources connected, double beyondAnswerP99Ms, Cpu duringCalls,
                      long meanEventBytes, double serverMicrosPerDelivery) {
    }

    /**
     * Phones following their own ticket while counters call (issue 15): each call moves every phone's
     * position; timed from the call-next request to each phone's update with its new position.
     */
    record PhonesRun(int phones, int calls, double callsPerSecond, long updates, double p50Ms, double p99Ms,
                     double lastP99Ms, long missing, long outOfOrder, double callAnswerP99Ms, Cpu duringCalls) {
    }

    record Cpu(double serverPercent, double postgresPercent, double loadGeneratorPercent) {
    }

    /**
     * One step of issuing through the store and its group commit, without HTTP or the live hub
     * ({@link StoreIssueLoad}); {@code maxBatch} 1 is every ticket in its own transaction, as before.
     */
    record StoreStep(int maxBatch, IssueStep step, double meanBatch, int largestBatch) {
    }

    JsonObject environment = new JsonObject();
    long coldReadyMs;
    long warmReadyMs;
    Resources idle;
    RawCeiling raw;
    CommitFloor.Result commitFloor;
    final List<IssueStep> issueSteps = new ArrayList<>();
    final List<Cpu> issueCpu = new ArrayList<>();
    /** The group commits of each issue step (tickets per batch), read from the server's /metrics. */
    final List<BatchSizes> issueBatches = new ArrayList<>();
    final List<DisplayRun> displayRuns = new ArrayList<>();
    final List<PhonesRun> phonesRuns = new ArrayList<>();
    final List<StoreStep> storeSteps = new ArrayList<>();
    /**
     * Which server the display and phones phases measured: {@link HallServer#FRESH} (started after the
     * issuing phases, without their backlog) or {@link HallServer#SAME} (the one the bench started with).
     */
    String displayServer = HallServer.SAME;
    /** The fresh server's idle heap and RSS, null when the phases watched the same server. */
    Resources displayServerIdle;

    /** The latency bounds the sustained issuing rate is reported within. */
    static final double[] SUSTAINED_P99_BOUNDS_MS = {25, 100};

    /** The highest target rate sustained within each bound (0 when none), as written to the JSON. */
    JsonObject sustainedIssueRates() {
        JsonObject rates = new JsonObject();
        for (double bound : SUSTAINED_P99_BOUNDS_MS) {
            rates.put("p99Within" + (int) bound + "Ms", Knee.sustained(issueSteps, bound).map(IssueStep::targetRate)
                    .orElse(0));
        }
        Knee.overload(issueSteps).ifPresent(s -> rates.put("overloadAchieved", s.achievedRate()));
        return rates;
    }

    void print(PrintStream out) {
        out.println();
        out.println("== Lượt bench: " + environment.encode());
        out.printf(Locale.ROOT, "Start to ready: first start %d ms (creates the database), restart %d ms   [target <= 3000 ms]%n",
                coldReadyMs, warmReadyMs);
        if (idle != null) {
            out.printf(Locale.ROOT, "Server idle: heap %d MB after GC, RSS %d MB%n", idle.heapUsedMb(), idle.rssMb());
        }
        if (raw != null) {
            out.printf(Locale.ROOT, "Raw insert ceiling: %,.0f single-row INSERT tx/s over %d connections "
                    + "(fsync=%s, synchronous_commit=%s); CPU %s%n", raw.insertsPerSecond(), raw.connections(),
                    raw.fsync(), raw.synchronousCommit(), cpu(raw.cpu()));
        }
        if (commitFloor != null) {
            out.printf(Locale.ROOT, "Commit floor (one connection, %.0f statements/s, the display phase's pace): %,d single-row"
                    + " INSERT commits p50 %.2f ms, p99 %.2f ms, max %.2f ms; a SELECT 1 round trip p50 %.2f ms, p99 %.2f ms%n",
                    commitFloor.perSecond(), commitFloor.commits(), commitFloor.commitP50Ms(), commitFloor.commitP99Ms(),
                    commitFloor.commitMaxMs(), commitFloor.roundTripP50Ms(), commitFloor.roundTripP99Ms());
        }
        if (!storeSteps.isEmpty()) {
            out.println();
            out.println("Issuing through the store (group commit), no HTTP, no live hub; open loop, same PostgreSQL");
            out.println("  max batch  target/s  achieved/s   p50 ms   p99 ms   max ms  errors  batch mean/max  vs raw ceiling");
            for (StoreStep s : storeSteps) {
                IssueStep i = s.step();
                out.printf(Locale.ROOT, "  %9d  %8d  %10.0f  %7.1f  %7.1f  %7.1f  %6d  %9.1f/%-4d  %14s%n", s.maxBatch(),
                        i.targetRate(), i.achievedRate(), i.p50Ms(), i.p99Ms(), i.maxMs(), i.errors(), s.meanBatch(),
                        s.largestBatch(), raw == null || raw.insertsPerSecond() <= 0 ? "-"
                                : String.format(Locale.ROOT, "%.2f", i.achievedRate() / raw.insertsPerSecond()));
            }
            for (int maxBatch : storeSteps.stream().mapToInt(StoreStep::maxBatch).distinct().toArray()) {
                List<IssueStep> series = storeSteps.stream().filter(s -> s.maxBatch() == maxBatch).map(StoreStep::step)
                        .toList();
                java.util.Optional<IssueStep> sustained = Knee.sustained(series, 25);
                out.printf(Locale.ROOT, "  max batch %d: sustained within p99 <= 25 ms: %s%s%n", maxBatch,
                        sustained.map(s -> String.format(Locale.ROOT, "%,d/s", s.targetRate())).orElse("none"),
                        raw == null || raw.insertsPerSecond() <= 0 || sustained.isEmpty() ? ""
                                : String.format(Locale.ROOT, "   ratio to the raw insert ceiling of this run: %.2f"
                                        + "   [target >= 1.0]", sustained.get().targetRate() / raw.insertsPerSecond()));
            }
        }
        out.println();
        out.println("Ticket issue (open loop, latency from intended send time)");
        out.println("  target/s  achieved/s   p50 ms   p99 ms  p99.9 ms   max ms  errors   CPU server/pg/loadgen %"
                + "   batch mean/p50/p99");
        for (int i = 0; i < issueSteps.size(); i++) {
            IssueStep s = issueSteps.get(i);
            out.printf(Locale.ROOT, "  %8d  %10.0f  %7.1f  %7.1f  %8.1f  %7.1f  %6d   %-22s   %s%n", s.targetRate(),
                    s.achievedRate(), s.p50Ms(), s.p99Ms(), s.p999Ms(), s.maxMs(), s.errors(), cpu(issueCpu.get(i)),
                    i < issueBatches.size() ? batches(issueBatches.get(i)) : "-");
        }
        out.println("  (batch: tickets per group commit during the step; p50/p99 are bucket bounds 1, 2, 4, 8, ...)");
        for (double bound : SUSTAINED_P99_BOUNDS_MS) {
            java.util.Optional<IssueStep> sustained = Knee.sustained(issueSteps, bound);
            out.printf(Locale.ROOT, "  sustained within p99 <= %.0f ms (>= 99 %% of the target, no errors): %s%s%n", bound,
                    sustained.map(s -> String.format(Locale.ROOT, "%,d/s", s.targetRate())).orElse("none"),
                    raw == null || raw.insertsPerSecond() <= 0 || sustained.isEmpty() ? ""
                            : String.format(Locale.ROOT, "   ratio to the raw insert ceiling of this run: %.2f",
                                    sustained.get().targetRate() / raw.insertsPerSecond()));
        }
        Knee.overload(issueSteps).ifPresent(s -> out.printf(Locale.ROOT,
                "  throughput under overload: %,.0f/s achieved at a target of %,d/s, p99 %.0f ms (not sustained)%n",
                s.achievedRate(), s.targetRate(), s.p99Ms()));
        issueSteps.stream().filter(s -> s.targetRate() == 2000).findFirst().ifPresent(s -> out.printf(Locale.ROOT,
                "  p99 at 2000/s: %.1f ms   [target <= 25 ms]%n", s.p99Ms()));
        out.println();
        out.println("Call to display (call-next request -> each subscriber's receipt, matched by ticket id)");
        out.println("  " + displayServerLine());
        out.println("  subscribers  calls/s  calls  p50 ms  p99 ms  last p50 ms  last p99 ms  missing  out-of-order"
                + "  call answer p50/p99 ms  beyond answer p99 ms  event bytes  server CPU us/delivery  heap MB  RSS MB"
                + "  CPU server/pg/loadgen % (calling)");
        for (DisplayRun d : displayRuns) {
            out.printf(Locale.ROOT, "  %11d  %7.0f  %5d  %6.1f  %6.1f  %11.1f  %11.1f  %7d  %12d  %22s  %20.1f  %11d  %21.1f  %7d  %6d  %s%n",
                    d.subscribers(), d.callsPerSecond(), d.calls(), d.p50Ms(), d.p99Ms(), d.lastP50Ms(), d.lastP99Ms(),
                    d.missing(), d.outOfOrder(),
                    String.format(Locale.ROOT, "%.1f/%.1f", d.callAnswerP50Ms(), d.callAnswerP99Ms()),
                    d.beyondAnswerP99Ms(), d.meanEventBytes(), d.serverMicrosPerDelivery(), d.connected() == null ? -1 : d.connected().heapUsedMb(),
                    d.connected() == null ? -1 : d.connected().rssMb(), cpu(d.duringCalls()));
        }
        out.println("  [targets: p99 <= 10 ms with 200 subscribers at 5 calls/s; p99 <= 20 ms with 2,000;"
                + " last of 10,000 <= 150 ms (p99); 0 missing, 0 out of order; heap with 10,000 subscribers <= 512 MB]");
        if (commitFloor != null) {
            out.printf(Locale.ROOT, "  [a display hears of a call only once it is durable: the commit floor of this run, p99 %.2f ms,"
                    + " is under every figure above]%n", commitFloor.commitP99Ms());
        }
        if (!phonesRuns.isEmpty()) {
            out.println();
            out.println("Phones following their ticket (call-next request -> each phone's update with its new position)");
            out.println("  phones  calls/s  calls  updates  p50 ms  p99 ms  last p99 ms  missing  out-of-order"
                    + "  call answer p99 ms  CPU server/pg/loadgen % (calling)");
            for (PhonesRun p : phonesRuns) {
                out.printf(Locale.ROOT, "  %6d  %7.0f  %5d  %7d  %6.1f  %6.1f  %11.1f  %7d  %12d  %18.1f  %s%n",
                        p.phones(), p.callsPerSecond(), p.calls(), p.updates(), p.p50Ms(), p.p99Ms(), p.lastP99Ms(),
                        p.missing(), p.outOfOrder(), p.callAnswerP99Ms(), cpu(p.duringCalls()));
            }
        }
    }

    void write(Path file) throws IOException {
        JsonArray steps = new JsonArray();
        for (int i = 0; i < issueSteps.size(); i++) {
            JsonObject step = JsonObject.mapFrom(issueSteps.get(i)).put("cpu", JsonObject.mapFrom(issueCpu.get(i)));
            if (i < issueBatches.size()) {
                BatchSizes b = issueBatches.get(i);
                step.put("batchSizes", new JsonObject().put("batches", b.batches()).put("mean", b.mean())
                        .put("p50AtMost", b.p50()).put("p99AtMost", b.p99()));
            }
            steps.add(step);
        }
        JsonArray displays = new JsonArray();
        displayRuns.forEach(d -> displays.add(JsonObject.mapFrom(d)));
        JsonArray phones = new JsonArray();
        phonesRuns.forEach(p -> phones.add(JsonObject.mapFrom(p)));
        JsonObject json = new JsonObject()
                .put("environment", environment)
                .put("startToReadyMs", new JsonObject().put("firstStart", coldReadyMs).put("restart", warmReadyMs))
                .put("idle", idle == null ? null : JsonObject.mapFrom(idle))
                .put("rawInsertCeiling", raw == null ? null : JsonObject.mapFrom(raw))
                .put("commitFloor", commitFloor == null ? null : JsonObject.mapFrom(commitFloor))
                .put("ticketIssue", steps)
                .put("sustainedIssueRate", sustainedIssueRates())
                .put("displayServer", displayServer)
                .put("displayServerIdle", displayServerIdle == null ? null : JsonObject.mapFrom(displayServerIdle))
                .put("callToDisplay", displays)
                .put("phonesFollowing", phones)
                .put("storeIssue", storeJson());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, json.encodePrettily());
    }

    private JsonArray storeJson() {
        JsonArray steps = new JsonArray();
        storeSteps.forEach(s -> steps.add(JsonObject.mapFrom(s.step()).put("maxBatch", s.maxBatch())
                .put("meanBatch", s.meanBatch()).put("largestBatch", s.largestBatch())));
        return steps;
    }

    private String displayServerLine() {
        if (HallServer.FRESH.equals(displayServer)) {
            return String.format(Locale.ROOT, "on a fresh server (its own database; the issuing server stopped)%s;"
                    + " the phones too", displayServerIdle == null ? ""
                    : String.format(Locale.ROOT, ", idle heap %d MB after GC, RSS %d MB",
                            displayServerIdle.heapUsedMb(), displayServerIdle.rssMb()));
        }
        return "on the server the bench started with, after any issuing phases of this run; the phones too";
    }

    private static String batches(BatchSizes b) {
        return b.batches() == 0 ? "-" : String.format(Locale.ROOT, "%.1f/%.0f/%.0f", b.mean(), b.p50(), b.p99());
    }

    private static String cpu(Cpu c) {
        return c == null ? "-" : String.format(Locale.ROOT, "%.0f/%.0f/%.0f", c.serverPercent(), c.postgresPercent(),
                c.loadGeneratorPercent());
    }
}
