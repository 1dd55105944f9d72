package vn.luot.core.domain.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.CounterDefinition;
import vn.luot.core.domain.catalogue.ServiceDefinition;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.domain.estimate.ErlangC;

/**
 * <b>The capacity plan</b>: how many counters each service needs, per site and hour, for the configured
 * share of tickets to be called within their target wait. It starts from Erlang C per service and hour,
 * then checks the plan in the day simulator (bursty arrivals, log-normal service times, priority calls,
 * waits that carry over from one hour to the next) and adds a counter wherever the simulated share falls
 * short, until it holds or the rounds run out. Both figures are kept, so a manager sees why they differ.
 * When the counters needed exceed the staff available in an hour, the plan says which hour and services
 * fall short instead of planning staff that do not exist.
 */
public final class CapacityPlanner {
    private static final int ROUNDS = 4;
    private static final int FIRST_PLANNED_COUNTER = 1000;

    private final DaySimulator simulator;
    private final Catalogue catalogue;
    private final SimulationSettings settings;
    private final ZoneId zone;

    public CapacityPlanner(DaySimulator simulator) {
        this.simulator = simulator;
        this.catalogue = simulator.catalogue();
        this.settings = simulator.settings();
        this.zone = catalogue.timeZone();
    }

    /** One service at one site in one hour. */
    public record Cell(String siteId, int hour, String serviceId, double arrivalsPerHour, double erlangs,
                       int erlangCounters, double erlangShareWithinTarget, int counters, double simulatedShareWithinTarget,
                       double simulatedMeanWaitMinutes, int simulatedTickets) {
    }

    /**
     * One site in one hour with counters that serve all its services (as the centre's counters mostly do):
     * Erlang C on the pooled load, then checked in the simulator.
     */
    public record Pooled(String siteId, int hour, double erlangs, int erlangCounters, double erlangShareWithinTarget,
                         int counters, double simulatedShareWithinTarget) {
    }

    /**
     * One hour of the day over both sites: pooled counters planned against the staff available, and when they
     * fall short, the services of the hour by load, the busiest first.
     */
    public record Hour(int hour, int counters, int staffAvailable, List<String> shortServices) {
        public boolean shortOfStaff() {
            return counters > staffAvailable;
        }
    }

    public record Plan(LocalDate date, int days, double targetShare, List<Cell> cells, List<Pooled> pooled,
                       List<Hour> hours) {
    }

    /** Counters of one kind at one site: the services they serve and how many are staffed each hour. */
    private record Group(String siteId, List<String> services, Map<Integer, Integer> byHour) {
    }

    /** Expected waits per site, service and hour, for a what-if run. */
    public record Outlook(String siteId, int hour, String serviceId, int tickets, double meanWaitMinutes,
                          double shareWithinTarget) {
    }

    public Plan plan(LocalDate date, int days, long seed) {
        Map<String, Cell> erlang = erlangCells(date);
        // Per service: dedicated counters, Erlang C first, one more wherever the simulation falls short.
        Map<String, Integer> counters = new TreeMap<>();
        erlang.forEach((key, cell) -> counters.put(key, cell.erlangCounters()));
        Map<String, double[]> simulated = Map.of();
        for (int round = 0; round < ROUNDS; round++) {
            simulated = simulate(date, days, seed, dedicated(counters));
            boolean changed = false;
            for (String key : erlang.keySet()) {
                double[] r = simulated.get(key);
                if (r != null && r[0] > 0 && r[1] / r[0] < settings.targetShareWithinWait()) {
                    counters.merge(key, 1, Integer::sum);
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        List<Cell> cells = new ArrayList<>();
        Map<String, double[]> last = simulated;
        erlang.forEach((key, e) -> {
            double[] r = last.getOrDefault(key, new double[3]);
            cells.add(new Cell(e.siteId(), e.hour(), e.serviceId(), e.arrivalsPerHour(), e.erlangs(), e.erlangCounters(),
                    e.erlangShareWithinTarget(), counters.get(key), r[0] == 0 ? 1 : r[1] / r[0],
                    r[0] == 0 ? 0 : r[2] / r[0], (int) Math.round(r[0] / days)));
        });
        List<Pooled> pooled = pooled(date, days, seed, cells);
        return new Plan(date, days, settings.targetShareWithinWait(), cells, pooled, hours(cells, pooled));
    }

    /** Pooled counters per site and hour: Erlang C on the site's whole load, corrected by the simulation. */
    private List<Pooled> pooled(LocalDate date, int days, long seed, List<Cell> cells) {
        Map<String, double[]> load = new TreeMap<>();
        for (Cell c : cells) {
            ServiceDefinition service = catalogue.service(c.serviceId());
            double[] l = load.computeIfAbsent(c.siteId() + "|" + (c.hour() < 10 ? "0" : "") + c.hour(),
                    k -> new double[4]);
            l[0] += c.arrivalsPerHour();
            l[1] += c.arrivalsPerHour() * service.meanServiceTime().toSeconds() / 60.0;
            l[2] += c.arrivalsPerHour() * service.targetWait().toSeconds() / 60.0;
            l[3] += c.erlangs();
        }
        Map<String, Integer> counters = new TreeMap<>();
        Map<String, double[]> erlang = new TreeMap<>();
        load.forEach((key, l) -> {
            double mean = l[1] / l[0];
            double target = l[2] / l[0];
            int c = ErlangC.countersFor(l[3], mean, target, settings.targetShareWithinWait());
            counters.put(key, c);
            erlang.put(key, new double[] {l[3], c, ErlangC.shareWithin(c, l[3], mean, target)});
        });
        Map<String, double[]> bySiteHour = Map.of();
        for (int round = 0; round < ROUNDS; round++) {
            bySiteHour = perSiteHour(simulate(date, days, seed, pooledGroups(counters)));
            boolean changed = false;
            for (String key : counters.keySet()) {
                double[] r = bySiteHour.get(key);
                if (r != null && r[0] > 0 && r[1] / r[0] < settings.targetShareWithinWait()) {
                    counters.merge(key, 1, Integer::sum);
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        List<Pooled> pooled = new ArrayList<>();
        Map<String, double[]> last = bySiteHour;
        counters.forEach((key, c) -> {
            String[] parts = key.split("\\|");
            double[] e = erlang.get(key);
            double[] r = last.getOrDefault(key, new double[3]);
            pooled.add(new Pooled(parts[0], Integer.parseInt(parts[1]), e[0], (int) e[1], e[2], c,
                    r[0] == 0 ? 1 : r[1] / r[0]));
        });
        return pooled;
    }

    private static Map<String, double[]> perSiteHour(Map<String, double[]> cells) {
        Map<String, double[]> sums = new HashMap<>();
        cells.forEach((key, r) -> {
            String siteHour = key.substring(0, key.lastIndexOf('|'));
            double[] s = sums.computeIfAbsent(siteHour, k -> new double[3]);
            for (int i = 0; i < 3; i++) {
                s[i] += r[i];
            }
        });
        return sums;
    }

    private static List<Group> dedicated(Map<String, Integer> counters) {
        Map<String, Group> groups = new LinkedHashMap<>();
        counters.forEach((key, c) -> {
            String[] parts = key.split("\\|");
            groups.computeIfAbsent(parts[0] + "|" + parts[2], k -> new Group(parts[0], List.of(parts[2]), new HashMap<>()))
                    .byHour().put(Integer.parseInt(parts[1]), c);
        });
        return new ArrayList<>(groups.values());
    }

    private List<Group> pooledGroups(Map<String, Integer> counters) {
        Map<String, Group> groups = new LinkedHashMap<>();
        counters.forEach((key, c) -> {
            String[] parts = key.split("\\|");
            groups.computeIfAbsent(parts[0], k -> new Group(parts[0], catalogue.site(parts[0]).serviceIds(),
                    new HashMap<>())).byHour().put(Integer.parseInt(parts[1]), c);
        });
        return new ArrayList<>(groups.values());
    }

    /**
     * Waits per site, service and hour with the configured counters, less the named counters in the named
     * hours (by counter id, the hours when nobody works it).
     */
    public List<Outlook> whatIf(LocalDate date, int days, long seed, Map<Integer, Set<Integer>> unstaffedHours) {
        return outlook(date, days, seed, Scenario.configured(settings).withoutEstimates().withUnstaffedHours(unstaffedHours));
    }

    /** Waits per site, service and hour with the configured counters changed as said (more or fewer). */
    public List<Outlook> whatIf(LocalDate date, int days, long seed, List<CounterChange> changes) {
        return outlook(date, days, seed,
                CounterChange.apply(changes, catalogue, Scenario.configured(settings).withoutEstimates()));
    }

    private List<Outlook> outlook(LocalDate date, int days, long seed, Scenario scenario) {
        Map<String, double[]> results = new TreeMap<>();
        for (int day = 0; day < days; day++) {
            collect(simulator.run(date, DaySimulator.daySeed(seed, day), scenario), results);
        }
        List<Outlook> outlook = new ArrayList<>();
        results.forEach((key, r) -> {
            String[] parts = key.split("\\|");
            outlook.add(new Outlook(parts[0], Integer.parseInt(parts[1]), parts[2], (int) Math.round(r[0] / days),
                    r[2] / r[0], r[1] / r[0]));
        });
        return outlook;
    }

    /** Erlang C per site, service and hour, from the arrival profile, the shares and the mean service times. */
    private Map<String, Cell> erlangCells(LocalDate date) {
        ArrivalModel arrivals = new ArrivalModel(catalogue, settings, null);
        Map<String, double[]> perHour = new LinkedHashMap<>();
        for (ArrivalModel.Bin bin : arrivals.bins(date)) {
            for (SiteDefinition site : catalogue.sites()) {
                if (site.openingHours().on(date.getDayOfWeek()).stream().noneMatch(p ->
                        p.contains(bin.start().atZone(zone).toLocalTime()))) {
                    continue;
                }
                for (ServiceDefinition service : catalogue.services()) {
                    double share = arrivals.siteShare(site.id(), service.id());
                    if (share == 0) {
                        continue;
                    }
                    double rate = settings.visitsPerDay() * bin.share() * service.shareOfArrivals() * share / bin.hours();
                    // Two stretches in one hour (13:00 early numbers, 13:30): plan for the busier one.
                    perHour.merge(key(site.id(), hourOf(bin.start()), service.id()), new double[] {rate},
                            (a, b) -> a[0] >= b[0] ? a : b);
                }
            }
        }
        Map<String, Cell> cells = new TreeMap<>();
        perHour.forEach((key, rate) -> {
            String[] parts = key.split("\\|");
            ServiceDefinition service = catalogue.service(parts[2]);
            double meanMinutes = service.meanServiceTime().toSeconds() / 60.0;
            double target = service.targetWait().toSeconds() / 60.0;
            double erlangs = rate[0] * meanMinutes / 60;
            int c = ErlangC.countersFor(erlangs, meanMinutes, target, settings.targetShareWithinWait());
            cells.put(key, new Cell(parts[0], Integer.parseInt(parts[1]), parts[2], rate[0], erlangs, c,
                    c == 0 ? 1 : ErlangC.shareWithin(c, erlangs, meanMinutes, target), c, 0, 0, 0));
        });
        return cells;
    }

    /**
     * Simulates a plan: each group's counters serve its services, staffed in the hours the plan needs them.
     * Per site, hour of issue and service: tickets, called within target, total wait.
     */
    private Map<String, double[]> simulate(LocalDate date, int days, long seed, List<Group> groups) {
        Map<String, List<CounterDefinition>> perSite = new HashMap<>();
        Map<Integer, Set<Integer>> unstaffed = new HashMap<>();
        int id = FIRST_PLANNED_COUNTER;
        for (Group group : groups) {
            int most = group.byHour().values().stream().mapToInt(Integer::intValue).max().orElse(0);
            for (int n = 0; n < most; n++) {
                int counterId = id++;
                perSite.computeIfAbsent(group.siteId(), s -> new ArrayList<>())
                        .add(new CounterDefinition(counterId, group.siteId(), group.services()));
                Set<Integer> off = new HashSet<>();
                for (int hour = 0; hour < 24; hour++) {
                    if (group.byHour().getOrDefault(hour, 0) <= n) {
                        off.add(hour);
                    }
                }
                unstaffed.put(counterId, off);
            }
        }
        for (SiteDefinition site : catalogue.sites()) {
            perSite.putIfAbsent(site.id(), List.of());
        }
        Scenario scenario = Scenario.configured(settings).withoutEstimates().withCounters(perSite)
                .withUnstaffedHours(unstaffed);
        Map<String, double[]> results = new HashMap<>();
        for (int day = 0; day < days; day++) {
            collect(simulator.run(date, DaySimulator.daySeed(seed, day), scenario), results);
        }
        return results;
    }

    private void collect(SimulatedDay day, Map<String, double[]> results) {
        for (SimulatedTicket t : day.tickets()) {
            double[] r = results.computeIfAbsent(key(t.siteId(), hourOf(t.issuedAt()), t.serviceId()), k -> new double[3]);
            r[0]++;
            Duration target = catalogue.service(t.serviceId()).targetWait();
            if (t.called()) {
                r[1] += t.actualWait().compareTo(target) <= 0 ? 1 : 0;
                r[2] += t.actualWait().toMillis() / 60_000.0;
            } else {
                r[2] += Duration.between(t.issuedAt(), day.date().atTime(LocalTime.MAX).atZone(zone).toInstant())
                        .toMillis() / 60_000.0;
            }
        }
    }

    private List<Hour> hours(List<Cell> cells, List<Pooled> pooled) {
        Map<Integer, Integer> totals = new TreeMap<>();
        pooled.forEach(p -> totals.merge(p.hour(), p.counters(), Integer::sum));
        List<Hour> hours = new ArrayList<>();
        totals.forEach((hour, total) -> {
            List<String> shortServices = new ArrayList<>();
            if (total > settings.staffAvailable()) {
                cells.stream().filter(c -> c.hour() == hour && c.erlangs() > 0)
                        .sorted((a, b) -> Double.compare(b.erlangs(), a.erlangs()))
                        .forEach(c -> shortServices.add(c.siteId() + ":" + c.serviceId()));
            }
            hours.add(new Hour(hour, total, settings.staffAvailable(), shortServices));
        });
        return hours;
    }

    private int hourOf(Instant at) {
        return at.atZone(zone).getHour();
    }

    private static String key(String siteId, int hour, String serviceId) {
        return siteId + "|" + (hour < 10 ? "0" : "") + hour + "|" + serviceId;
    }
}
