package vn.luot.core.simulation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.domain.simulation.CapacityPlanner;
import vn.luot.core.domain.simulation.CounterChange;
import vn.luot.core.domain.simulation.DaySimulator;
import vn.luot.core.planning.PlanJson;

/** {@code scripts/simulate --plan} and {@code --what-if}: the capacity plan, or waits with other counters. */
final class PlanCommand {
    /** Days simulated to check the plan when --days is not given. */
    static final int DEFAULT_DAYS = 100;

    private PlanCommand() {
    }

    static int run(LuotConfig config, DaySimulator simulator, LocalDate date, SimulateOptions options, int days,
                   PrintStream out) {
        CapacityPlanner planner = new CapacityPlanner(simulator);
        if (!options.whatIf().isEmpty()) {
            List<CounterChange> changes = options.whatIf().stream()
                    .map(spec -> CounterChange.parse(spec, config.catalogue())).toList();
            var before = planner.whatIf(date, days, options.seed(), List.<CounterChange>of());
            var after = planner.whatIf(date, days, options.seed(), changes);
            if (options.json()) {
                out.println(new JsonObject().put("date", date.toString()).put("days", days)
                        .put("whatIf", new JsonArray(options.whatIf()))
                        .put("configured", outlook(before)).put("changed", outlook(after)).encodePrettily());
            } else {
                printWhatIf(options, date, days, before, after, out);
            }
            return 0;
        }
        CapacityPlanner.Plan plan = planner.plan(date, days, options.seed());
        if (options.json()) {
            out.println(PlanJson.of(plan).encodePrettily());
        } else {
            print(plan, config, out);
        }
        return 0;
    }

    private static void print(CapacityPlanner.Plan plan, LuotConfig config, PrintStream out) {
        out.printf(Locale.ROOT, "Capacity plan for %s %s: counters per service and hour for %.0f %% called within "
                        + "the target wait%n(Erlang C -> checked and corrected over %d simulated days; share within "
                        + "target in the simulation)%n", plan.date().getDayOfWeek().toString().toLowerCase(Locale.ROOT),
                plan.date(), 100 * plan.targetShare(), plan.days());
        for (SiteDefinition site : config.catalogue().sites()) {
            Map<Integer, Map<String, CapacityPlanner.Cell>> rows = new TreeMap<>();
            plan.cells().stream().filter(c -> c.siteId().equals(site.id()))
                    .forEach(c -> rows.computeIfAbsent(c.hour(), h -> new LinkedHashMap<>()).put(c.serviceId(), c));
            if (rows.isEmpty()) {
                continue;
            }
            out.println();
            out.println(site.id());
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-5s", "hour"));
            site.serviceIds().forEach(s -> header.append(String.format(Locale.ROOT, " %13s", abbreviate(s))));
            out.println(header.append(String.format(Locale.ROOT, " %9s | %s", "dedicated", "pooled counters")));
            rows.forEach((hour, cells) -> {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%02d:00", hour));
                int total = 0;
                for (String service : site.serviceIds()) {
                    CapacityPlanner.Cell c = cells.get(service);
                    if (c == null) {
                        row.append(String.format(Locale.ROOT, " %13s", "-"));
                    } else {
                        total += c.counters();
                        row.append(String.format(Locale.ROOT, " %13s", c.erlangCounters() + "->" + c.counters() + " "
                                + Math.round(100 * c.simulatedShareWithinTarget()) + "%"));
                    }
                }
                CapacityPlanner.Pooled p = plan.pooled().stream()
                        .filter(x -> x.siteId().equals(site.id()) && x.hour() == hour).findFirst().orElse(null);
                out.println(row.append(String.format(Locale.ROOT, " %9d | %s", total, p == null ? "-"
                        : String.format(Locale.ROOT, "%.1f erlangs: %d->%d %d%%", p.erlangs(), p.erlangCounters(),
                        p.counters(), Math.round(100 * p.simulatedShareWithinTarget())))));
            });
        }
        out.println();
        out.println("both sites, pooled counters against the staff available:");
        for (CapacityPlanner.Hour h : plan.hours()) {
            out.printf(Locale.ROOT, "%02d:00  %2d counters of %d staff%s%n", h.hour(), h.counters(), h.staffAvailable(),
                    h.shortOfStaff() ? String.format(Locale.ROOT, "  SHORT by %d: %s", h.counters() - h.staffAvailable(),
                            String.join(", ", h.shortServices())) : "");
        }
        out.println();
        out.println("a->b p%: Erlang C asks a counters, the simulation needed b for p % within target (bursty");
        out.println("arrivals, log-normal times, priority calls and waits carried into the next hour can make b > a).");
        out.println("dedicated: each counter serves one service; pooled: each counter serves every service of the");
        out.println("site, which small services need to share a counter; the staff check uses the pooled counters.");
    }

    private static void printWhatIf(SimulateOptions options, LocalDate date, int days,
                                    List<CapacityPlanner.Outlook> before, List<CapacityPlanner.Outlook> after,
                                    PrintStream out) {
        out.printf(Locale.ROOT, "What if %s on %s (%d simulated days): mean wait, share within target%n%n",
                String.join(", ", options.whatIf()), date, days);
        out.printf(Locale.ROOT, "%-10s %-5s %-18s %8s | %8s %7s | %8s %7s%n", "site", "hour", "service", "tickets",
                "now", "target", "what-if", "target");
        Map<String, CapacityPlanner.Outlook> changed = new HashMap<>();
        after.forEach(o -> changed.put(o.siteId() + o.hour() + o.serviceId(), o));
        for (CapacityPlanner.Outlook o : before) {
            CapacityPlanner.Outlook a = changed.get(o.siteId() + o.hour() + o.serviceId());
            if (a == null) {
                continue;
            }
            out.printf(Locale.ROOT, "%-10s %02d:00 %-18s %8d | %8.1f %6.0f%% | %8.1f %6.0f%%%n", o.siteId(), o.hour(),
                    o.serviceId(), o.tickets(), o.meanWaitMinutes(), 100 * o.shareWithinTarget(), a.meanWaitMinutes(),
                    100 * a.shareWithinTarget());
        }
    }

    private static JsonArray outlook(List<CapacityPlanner.Outlook> outlook) {
        JsonArray rows = new JsonArray();
        outlook.forEach(o -> rows.add(new JsonObject().put("siteId", o.siteId()).put("hour", o.hour())
                .put("serviceId", o.serviceId()).put("ticketsPerDay", o.tickets())
                .put("meanWaitMinutes", SimulateCommand.round(o.meanWaitMinutes(), 1))
                .put("shareWithinTarget", SimulateCommand.round(o.shareWithinTarget(), 3))));
        return rows;
    }

    private static String abbreviate(String serviceId) {
        return serviceId.length() <= 13 ? serviceId : serviceId.substring(0, 13);
    }
}
