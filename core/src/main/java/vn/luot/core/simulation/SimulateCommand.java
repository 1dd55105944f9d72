package vn.luot.core.simulation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import vn.luot.core.config.ConfigException;
import vn.luot.core.config.ConfigLoader;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.simulation.DaySimulator;
import vn.luot.core.domain.simulation.EstimateProbe;
import vn.luot.core.domain.simulation.Scenario;
import vn.luot.core.domain.simulation.SimulatedDay;
import vn.luot.core.domain.simulation.SimulationReport;
import vn.luot.core.domain.simulation.SimulationSettings;

/**
 * {@code scripts/simulate}: runs the day simulator on the configured centre and prints, per site and
 * service, the tickets, waits, share within target, utilisation and the estimate's error against the old
 * formula. No server, no database: it calls the domain directly.
 */
public final class SimulateCommand {
    private SimulateCommand() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(SimulateOptions.parse(args), System.out, System.err));
        } catch (IllegalArgumentException | ConfigException e) {
            System.err.println("simulate: " + e.getMessage());
            System.err.println(SimulateOptions.USAGE);
            System.exit(2);
        }
    }

    static int run(SimulateOptions options, PrintStream out, PrintStream err) {
        if (options.help()) {
            out.println(SimulateOptions.USAGE);
            return 0;
        }
        LuotConfig config = ConfigLoader.load(options.config(), Map.of());
        if (options.benchmark()) {
            EstimatorBenchmark.microsPerRecomputation(config, out);
        }
        SimulationSettings settings = config.simulation();
        if (options.arrivals() != null) {
            settings = settings.withVisitsPerDay(options.arrivals());
        }
        DaySimulator simulator = new DaySimulator(config.catalogue(), settings, config.queue().issuingHours(),
                config.queue().maxPriorityCallsInRow(), config.queue().serviceTimeSmoothing(),
                config.queue().serviceTimeLogSmoothing());
        LocalDate date = options.date();
        if (options.plan()) {
            return PlanCommand.run(config, simulator, date, options, options.daysGiven() ? options.days()
                    : PlanCommand.DEFAULT_DAYS, out);
        }
        Scenario scenario = Scenario.configured(settings);
        if (options.drift()) {
            scenario = scenario.slowingDown(LocalTime.of(9, 0), 1.5);
        }
        scenario = scenario.probing(options.probe());
        SimulationReport report = new SimulationReport(config.catalogue());
        long started = System.nanoTime();
        SimulatedDay first = null;
        for (int day = 0; day < options.days(); day++) {
            SimulatedDay simulated = simulator.run(date, DaySimulator.daySeed(options.seed(), day), scenario);
            if (first == null) {
                first = simulated;
            }
            report.add(simulated);
            if (options.days() >= 20 && (day + 1) % Math.max(1, options.days() / 20) == 0) {
                err.printf(Locale.ROOT, "\rsimulated %d of %d days", day + 1, options.days());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (options.days() >= 20) {
            err.println();
        }
        double perMinute = options.days() / seconds * 60;
        err.printf(Locale.ROOT, "%d days in %.1f s: %.0f simulated days a minute on one core%n", options.days(), seconds,
                perMinute);
        if (options.plot() != null) {
            try {
                Files.writeString(options.plot(), new DayPlot(config.catalogue()).svg(first), StandardCharsets.UTF_8);
                err.println("wrote " + options.plot());
            } catch (IOException e) {
                err.println("simulate: cannot write " + options.plot() + ": " + e.getMessage());
                return 1;
            }
        }
        if (options.json()) {
            out.println(json(config, report, date, options, perMinute).encodePrettily());
        } else {
            printTable(config, report, date, options, out);
        }
        return 0;
    }

    static JsonObject json(LuotConfig config, SimulationReport report, LocalDate date, SimulateOptions options,
                           double daysPerMinute) {
        JsonArray sites = new JsonArray();
        report.bySite().forEach((siteId, lines) -> {
            JsonArray services = new JsonArray();
            lines.forEach((serviceId, line) -> services.add(line(line, report.days()).put("serviceId", serviceId)));
            sites.add(new JsonObject().put("siteId", siteId).put("utilisation", round(report.utilisation(siteId), 3))
                    .put("services", services));
        });
        JsonArray services = new JsonArray();
        report.byService().forEach((serviceId, line) -> services.add(line(line, report.days()).put("serviceId", serviceId)));
        return new JsonObject()
                .put("date", date.toString())
                .put("dayOfWeek", date.getDayOfWeek().toString())
                .put("days", report.days())
                .put("seed", options.seed())
                .put("visitsPerDay", config.simulation().visitsPerDay())
                .put("drift", options.drift())
                .put("probe", options.probe().name().toLowerCase(Locale.ROOT))
                .put("daysPerMinute", Math.round(daysPerMinute))
                .put("overall", line(report.overall(), report.days()))
                .put("services", services)
                .put("sites", sites);
    }

    private static JsonObject line(SimulationReport.Line line, int days) {
        return new JsonObject()
                .put("ticketsPerDay", round((double) line.tickets() / days, 1))
                .put("notCalledPerDay", round((double) line.notCalled() / days, 2))
                .put("meanWaitMinutes", round(line.meanWaitMinutes(), 1))
                .put("p90WaitMinutes", round(line.p90WaitMinutes(), 1))
                .put("shareWithinTarget", round(line.shareWithinTarget(), 3))
                .put("estimate", new JsonObject()
                        .put("compared", line.compared())
                        .put("maeMinutes", round(line.newMae(), 2))
                        .put("shareWithin5Minutes", round(line.newWithin5(), 3))
                        .put("notBeforeClosing", line.notBeforeClosing())
                        .put("notBeforeClosingRight", line.notBeforeClosingRight()))
                .put("oldFormula", new JsonObject()
                        .put("maeMinutes", round(line.oldMae(), 2))
                        .put("shareWithin5Minutes", round(line.oldWithin5(), 3)));
    }

    private static void printTable(LuotConfig config, SimulationReport report, LocalDate date, SimulateOptions options,
                                   PrintStream out) {
        out.printf(Locale.ROOT, "%d simulated %s (%s), seed %d, about %d visits a day%s%n%n", report.days(),
                report.days() == 1 ? "day" : "days", date.getDayOfWeek().toString().toLowerCase(Locale.ROOT),
                options.seed(), config.simulation().visitsPerDay(),
                (options.drift() ? ", every service 50 % slower from 09:00" : "")
                        + (options.probe() == EstimateProbe.NONE ? ""
                        : ", probe " + options.probe().name().toLowerCase(Locale.ROOT) + " (service times drawn at arrival)"));
        String header = String.format(Locale.ROOT, "%-10s %-18s %8s %6s %6s %7s | %8s %7s | %8s %7s%n", "site",
                "service", "tickets", "mean", "p90", "target", "est MAE", "±5 min", "old MAE", "±5 min");
        out.print(header);
        out.println("-".repeat(header.length() - 1));
        report.bySite().forEach((siteId, lines) -> {
            lines.forEach((serviceId, line) -> out.print(row(siteId, serviceId, line, report.days())));
            out.printf(Locale.ROOT, "%-10s %-18s counter utilisation %.0f %%%n", siteId, "", 100 * report.utilisation(siteId));
        });
        out.println("-".repeat(header.length() - 1));
        report.byService().forEach((serviceId, line) -> out.print(row("both", serviceId, line, report.days())));
        out.print(row("all", "all services", report.overall(), report.days()));
        out.println();
        out.println("tickets: per day; mean, p90: wait from ticket to call, minutes; target: share called within the");
        out.println("service's target wait; est: the estimate printed at issue (HallEstimator), old: people ahead ÷");
        out.println("counters × mean; MAE: mean absolute error in minutes; ±5 min: share within 5 minutes of the wait.");
        SimulationReport.Line all = report.overall();
        out.printf(Locale.ROOT, "not reached before closing: %.2f tickets a day; the estimate said so %d times, right %d%n",
                (double) all.notCalled() / report.days(), all.notBeforeClosing(), all.notBeforeClosingRight());
    }

    private static String row(String site, String service, SimulationReport.Line line, int days) {
        return String.format(Locale.ROOT, "%-10s %-18s %8.1f %6.1f %6.1f %6.0f%% | %8.2f %6.0f%% | %8.2f %6.0f%%%n",
                site, service, (double) line.tickets() / days, line.meanWaitMinutes(), line.p90WaitMinutes(),
                100 * line.shareWithinTarget(), line.newMae(), 100 * line.newWithin5(), line.oldMae(),
                100 * line.oldWithin5());
    }

    static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }

    /** A working day to simulate when none is given: the next Thursday from a fixed date, for reproducible runs. */
    static LocalDate defaultDate(DayOfWeek day) {
        return LocalDate.of(2026, 11, 23).with(TemporalAdjusters.nextOrSame(day));
    }
}
