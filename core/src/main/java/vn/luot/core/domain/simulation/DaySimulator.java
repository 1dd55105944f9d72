package vn.luot.core.domain.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import vn.luot.core.domain.calling.CallLines;
import vn.luot.core.domain.calling.CallPolicy;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.CounterDefinition;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.domain.estimate.BaselineWaitFormula;
import vn.luot.core.domain.estimate.HallEstimator;
import vn.luot.core.domain.estimate.HallState;
import vn.luot.core.domain.estimate.ServiceTimeAverages;
import vn.luot.core.domain.estimate.WaitEstimate;
import vn.luot.core.domain.ticket.Channel;
import vn.luot.core.domain.ticket.IssuingHours;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketNumbering;
import vn.luot.core.domain.ticket.TicketStatus;

/**
 * <b>The day simulator</b>: a discrete-event simulation of one day of the whole centre, both sites, by the
 * server's own rules. Citizens come as the {@link ArrivalModel} draws them; each takes a ticket, is told
 * the {@link HallEstimator}'s estimate (and the old formula's, for comparison); every staffed counter calls
 * within its site's opening periods whichever ticket the real {@link CallPolicy} chooses from the store's
 * candidates ({@link CallLines}), keeps its priority streak by {@link CallPolicy#streakAfter}, serves for a
 * drawn service time, and feeds the running mean of service times ({@link ServiceTimeAverages}) as the live
 * hub does. A change to the call order or the estimate changes the simulation.
 *
 * <p>Seeded: the same seed and date give the same day, event for event. Not thread-safe; one per thread.
 */
public final class DaySimulator {
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final int ARRIVAL = 0;
    private static final int FREE = 1;
    private static final int WAKE = 2;
    private static final int BALANCE = 3;   // issue 10: the balancer looks at the halls
    private static final int MOVED_IN = 4;  // issue 10: a moved ticket's citizen reaches the other site

    private final Catalogue catalogue;
    private final SimulationSettings settings;
    private final IssuingHours issuingHours;
    private final CallPolicy policy;
    private final HallEstimator estimator;
    private final double smoothing;
    private final double logSmoothing;

    public DaySimulator(Catalogue catalogue, SimulationSettings settings, IssuingHours issuingHours,
                        int maxPriorityCallsInRow, double serviceTimeSmoothing) {
        this(catalogue, settings, issuingHours, maxPriorityCallsInRow, serviceTimeSmoothing,
                ServiceTimeAverages.LOG_MEAN_SMOOTHING);
    }

    /**
     * @param serviceTimeSmoothing the old formula's running mean ({@code queue.serviceTimeSmoothing})
     * @param logMeanSmoothing     the estimate's running mean of logarithms ({@link ServiceTimeAverages})
     */
    public DaySimulator(Catalogue catalogue, SimulationSettings settings, IssuingHours issuingHours,
                        int maxPriorityCallsInRow, double serviceTimeSmoothing, double logMeanSmoothing) {
        this.logSmoothing = logMeanSmoothing;
        this.catalogue = catalogue;
        this.settings = settings;
        this.issuingHours = issuingHours;
        this.policy = new CallPolicy(maxPriorityCallsInRow);
        this.estimator = new HallEstimator(policy, id -> catalogue.service(id).targetWait());
        this.smoothing = serviceTimeSmoothing;
    }

    public SimulationSettings settings() {
        return settings;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** The seed of day {@code index} of a run seeded {@code seed}: each day can be replayed alone. */
    public static long daySeed(long seed, int index) {
        return new SplittableRandom(seed).split().nextLong() ^ (0x9E3779B97F4A7C15L * (index + 1));
    }

    public SimulatedDay run(LocalDate date, long seed, Scenario scenario) {
        return new Day(date, seed, scenario, null).play();
    }

    /**
     * Issue 10: the same day with a manager who acts on the halls as it goes: every {@link Balancer#every()}
     * within opening hours the balancer sees both halls and returns what to do (a counter also serves a
     * service; the newest tickets of a line move to the other site, whose citizens arrive there after the
     * travel time, in their original place by issue time).
     */
    public SimulatedDay run(LocalDate date, long seed, Scenario scenario, Balancer balancer) {
        return new Day(date, seed, scenario, balancer).play();
    }

    /** A manager in the simulation (issue 10). */
    public interface Balancer {
        Duration every();

        int travelMinutes(String fromSiteId, String toSiteId);

        /** What to do now, given each site's hall as the estimator sees it; applied in order. */
        List<vn.luot.core.domain.balancing.SuggestionRules.Action> act(List<vn.luot.core.domain.balancing.SuggestionRules.SiteHall> halls,
                                                                      java.util.function.Function<String, Duration> mean);
    }

    private record Event(long at, long order, int kind, int site, int counter, Visit visit, Ticket ticket) {
    }

    private static final class CounterRun {
        final int id;
        List<String> services;   // a balancer may change them (issue 10)
        final Set<Integer> unstaffedHours;
        int streak;
        boolean busy;
        String busyWith;
        long busySince;
        long busyUntil;

        CounterRun(CounterDefinition definition, Set<Integer> unstaffedHours) {
            this.id = definition.id();
            this.services = definition.defaultServices();
            this.unstaffedHours = unstaffedHours;
        }
    }

    private final class SiteRun {
        final SiteDefinition site;
        final List<HallState.CallingPeriod> periods;
        final List<CounterRun> counters = new ArrayList<>();
        final CallLines lines = new CallLines();
        final Map<UUID, Ticket> waiting = new LinkedHashMap<>();
        long busyMillis;

        SiteRun(SiteDefinition site, LocalDate date, Scenario scenario) {
            this.site = site;
            this.periods = HallState.periodsOn(site.openingHours(), date, catalogue.timeZone());
            for (CounterDefinition c : scenario.counters().getOrDefault(site.id(), site.counters())) {
                counters.add(new CounterRun(c, scenario.unstaffedHours().getOrDefault(c.id(), Set.of())));
            }
        }

        boolean calling(long at) {
            for (HallState.CallingPeriod p : periods) {
                if (at >= p.opens().toEpochMilli() && at < p.closes().toEpochMilli()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One day being played. */
    private final class Day {
        private final LocalDate date;
        private final long seed;
        private final Scenario scenario;
        private final Balancer balancer;
        private final SplittableRandom random;
        private final long dayStart;
        private final List<SiteRun> sites = new ArrayList<>();
        private final Map<String, Integer> siteIndex = new HashMap<>();
        private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.at != b.at
                ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
        private final ServiceTimeAverages averages = new ServiceTimeAverages(catalogue.services(), smoothing,
                logSmoothing, settings.serviceTimeVariation());
        private final List<SimulatedTicket> tickets = new ArrayList<>();
        private final Map<UUID, Integer> ticketIndex = new HashMap<>();
        private final Map<String, Integer> sequences = new HashMap<>();
        private long order;

        Day(LocalDate date, long seed, Scenario scenario, Balancer balancer) {
            this.date = date;
            this.seed = seed;
            this.scenario = scenario;
            this.balancer = balancer;
            this.random = new SplittableRandom(seed);
            this.dayStart = date.atStartOfDay(catalogue.timeZone()).toInstant().toEpochMilli();
            for (SiteDefinition site : catalogue.sites()) {
                siteIndex.put(site.id(), sites.size());
                sites.add(new SiteRun(site, date, scenario));
            }
        }

        SimulatedDay play() {
            List<Visit> visits = new ArrivalModel(catalogue, settings, issuingHours).visits(date, random.split());
            for (Visit visit : visits) {
                schedule(visit.arrives().toEpochMilli(), ARRIVAL, siteIndex.get(visit.siteId()), -1, visit);
            }
            for (int s = 0; s < sites.size(); s++) {
                for (HallState.CallingPeriod p : sites.get(s).periods) {
                    schedule(p.opens().toEpochMilli(), WAKE, s, -1, null);
                    for (long h = (p.opens().toEpochMilli() - dayStart) / HOUR + 1;
                         dayStart + h * HOUR < p.closes().toEpochMilli(); h++) {
                        schedule(dayStart + h * HOUR, WAKE, s, -1, null);
                    }
                }
            }
            if (balancer != null) {
                scheduleBalancing();
            }
            while (!events.isEmpty()) {
                Event e = events.poll();
                SiteRun site = sites.get(e.site);
                switch (e.kind) {
                    case ARRIVAL -> arrive(site, e.visit, e.at);
                    case FREE -> finish(site, site.counters.get(e.counter), e.at);
                    case BALANCE -> balance(e.at);
                    case MOVED_IN -> movedIn(site, e.ticket, e.at);
                    default -> wake(site, e.at);
                }
            }
            Map<String, Long> busy = new HashMap<>();
            Map<String, Long> available = new HashMap<>();
            for (SiteRun site : sites) {
                busy.put(site.site.id(), site.busyMillis);
                available.put(site.site.id(), availableMillis(site));
            }
            return new SimulatedDay(date, seed, tickets, busy, available);
        }

        private void schedule(long at, int kind, int site, int counter, Visit visit) {
            events.add(new Event(at, order++, kind, site, counter, visit, null));
        }

        // ---- issue 10: a balancer acting on the halls ----

        private void scheduleBalancing() {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (SiteRun site : sites) {
                for (HallState.CallingPeriod p : site.periods) {
                    first = Math.min(first, p.opens().toEpochMilli());
                    last = Math.max(last, p.closes().toEpochMilli());
                }
            }
            for (long at = first; at < last; at += balancer.every().toMillis()) {
                schedule(at, BALANCE, 0, -1, null);
            }
        }

        private void balance(long at) {
            Instant now = Instant.ofEpochMilli(at);
            List<vn.luot.core.domain.balancing.SuggestionRules.SiteHall> halls = new ArrayList<>();
            for (SiteRun site : sites) {
                halls.add(new vn.luot.core.domain.balancing.SuggestionRules.SiteHall(site.site, hall(site, now)));
            }
            for (var action : balancer.act(halls, averages::mean)) {
                if (action instanceof vn.luot.core.domain.balancing.SuggestionRules.ServeAlso serve) {
                    SiteRun site = sites.get(siteIndex.get(serve.siteId()));
                    site.counters.stream().filter(c -> c.id == serve.counterId()).findFirst()
                            .ifPresent(c -> c.services = serve.servicesAfter());
                    wake(site, at);
                } else if (action instanceof vn.luot.core.domain.balancing.SuggestionRules.MoveNewest move) {
                    SiteRun from = sites.get(siteIndex.get(move.fromSiteId()));
                    long arrives = at + Duration.ofMinutes(balancer.travelMinutes(move.fromSiteId(), move.toSiteId()))
                            .toMillis();
                    for (UUID id : move.ticketIds()) {
                        Ticket leaving = from.waiting.remove(id);
                        if (leaving != null) {
                            from.lines.remove(leaving);
                            events.add(new Event(arrives, order++, MOVED_IN, siteIndex.get(move.toSiteId()), -1, null,
                                    leaving.movedTo(move.toSiteId())));
                        }
                    }
                }
            }
        }

        private void movedIn(SiteRun site, Ticket ticket, long at) {
            site.lines.add(ticket);
            site.waiting.put(ticket.id(), ticket);
            wake(site, at);
        }

        private void arrive(SiteRun site, Visit visit, long at) {
            String prefix = catalogue.service(visit.serviceId()).prefix();
            int seq = sequences.merge(prefix, 1, Integer::sum);
            Instant now = Instant.ofEpochMilli(at);
            Ticket ticket = new Ticket(new UUID(seed, tickets.size()), TicketNumbering.format(prefix, seq), date,
                    site.site.id(), visit.serviceId(), visit.priorityGroup(),
                    visit.slotStart() == null ? Channel.KIOSK : Channel.BOOKING, TicketStatus.WAITING, now, now,
                    null, null, null, null, null, 0, 0, null, visit.slotStart());
            WaitEstimate estimate = scenario.estimate()
                    ? estimator.estimate(hall(site, now), ticket, averages.playedTimes()) : null;
            Integer baseline = baseline(site, ticket);
            ticketIndex.put(ticket.id(), tickets.size());
            tickets.add(new SimulatedTicket(ticket.number(), site.site.id(), ticket.serviceId(),
                    ticket.priorityGroup(), ticket.isBooked(), now, null, null, 0, estimate, baseline));
            site.lines.add(ticket);
            site.waiting.put(ticket.id(), ticket);
            wake(site, at);
        }

        private void finish(SiteRun site, CounterRun counter, long at) {
            averages.record(counter.busyWith, Duration.ofMillis(at - counter.busySince));
            counter.busy = false;
            counter.busyWith = null;
            tryCall(site, counter, at);
        }

        private void wake(SiteRun site, long at) {
            for (CounterRun counter : site.counters) {
                if (!counter.busy) {
                    tryCall(site, counter, at);
                }
            }
        }

        private void tryCall(SiteRun site, CounterRun counter, long at) {
            if (site.lines.isEmpty() || !site.calling(at) || !staffed(counter, at)) {
                return;
            }
            var chosen = policy.choose(counter.id, site.lines.heads(counter.id, counter.services), counter.streak,
                    Instant.ofEpochMilli(at), id -> catalogue.service(id).targetWait());
            if (chosen.isEmpty()) {
                return;
            }
            Ticket called = chosen.get();
            site.lines.remove(called);
            site.waiting.remove(called.id());
            counter.streak = CallPolicy.streakAfter(counter.streak, called);
            double mean = catalogue.service(called.serviceId()).meanServiceTime().toMillis() * slowdown(at);
            long serviceTime = scenario.serviceTimes().drawMillis(mean, random);
            counter.busy = true;
            counter.busyWith = called.serviceId();
            counter.busySince = at;
            counter.busyUntil = at + serviceTime;
            site.busyMillis += serviceTime;
            int index = ticketIndex.get(called.id());
            tickets.set(index, tickets.get(index).calledBy(counter.id, Instant.ofEpochMilli(at), serviceTime));
            schedule(counter.busyUntil, FREE, siteIndex.get(site.site.id()), site.counters.indexOf(counter), null);
        }

        private boolean staffed(CounterRun counter, long at) {
            return counter.unstaffedHours.isEmpty() || !counter.unstaffedHours.contains((int) ((at - dayStart) / HOUR));
        }

        private double slowdown(long at) {
            LocalTime from = scenario.slowdownFrom();
            if (from == null) {
                return 1;
            }
            return at - dayStart >= from.toSecondOfDay() * 1000L ? scenario.slowdownFactor() : 1;
        }

        /** The hall as the live hub would show it to the estimator: staffed counters, with what each serves. */
        private HallState hall(SiteRun site, Instant now) {
            long at = now.toEpochMilli();
            List<HallState.OpenCounter> open = new ArrayList<>(site.counters.size());
            for (CounterRun c : site.counters) {
                if (staffed(c, at)) {
                    open.add(new HallState.OpenCounter(c.id, c.services, c.streak, c.busy ? c.busyWith : null,
                            c.busy ? Instant.ofEpochMilli(c.busySince) : null));
                }
            }
            return new HallState(now, site.periods, open, List.copyOf(site.waiting.values()));
        }

        /** The old formula: people ahead (priority tickets count ahead of normal ones) ÷ counters × mean. */
        private Integer baseline(SiteRun site, Ticket ticket) {
            int ahead = 0;
            int open = 0;
            for (Ticket t : site.waiting.values()) {
                if (t.serviceId().equals(ticket.serviceId()) && (t.isPriority() || !ticket.isPriority())) {
                    ahead++;
                }
            }
            long at = ticket.issuedAt().toEpochMilli();
            for (CounterRun c : site.counters) {
                if (c.services.contains(ticket.serviceId()) && staffed(c, at)) {
                    open++;
                }
            }
            var minutes = BaselineWaitFormula.minutes(ahead, open, averages.runningMean(ticket.serviceId()));
            return minutes.isPresent() ? minutes.getAsInt() : null;
        }

        private long availableMillis(SiteRun site) {
            long total = 0;
            for (CounterRun c : site.counters) {
                for (HallState.CallingPeriod p : site.periods) {
                    for (long t = p.opens().toEpochMilli(); t < p.closes().toEpochMilli(); ) {
                        long hourEnd = dayStart + ((t - dayStart) / HOUR + 1) * HOUR;
                        long end = Math.min(hourEnd, p.closes().toEpochMilli());
                        if (staffed(c, t)) {
                            total += end - t;
                        }
                        t = end;
                    }
                }
            }
            return total;
        }
    }
}
