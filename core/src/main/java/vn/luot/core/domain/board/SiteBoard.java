package vn.luot.core.domain.board;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import vn.luot.core.domain.calling.CallLines;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.domain.counter.Counter;
import vn.luot.core.domain.counter.CounterState;
import vn.luot.core.domain.estimate.HallEstimator;
import vn.luot.core.domain.estimate.HallState;
import vn.luot.core.domain.estimate.PlayedTimes;
import vn.luot.core.domain.estimate.ServiceTimeAverages;
import vn.luot.core.domain.estimate.WaitEstimate;
import vn.luot.core.domain.event.EventType;
import vn.luot.core.domain.event.QueueEvent;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketStatus;

/**
 * What one site's hall looks like now: every counter with its current ticket, every line of waiting
 * tickets, and the latest calls. It is a projection: loaded once from the store, then kept current by
 * applying committed {@link QueueEvent}s. Applying an event twice, or an older state after a newer one,
 * changes nothing, because each ticket and counter carries a version.
 *
 * <p>The estimates come from the {@link HallEstimator}, played forward from this board's state; one
 * forecast of the whole hall is kept until the board changes or the clock moves on by a second, and is
 * then played again on the next question, as long as the {@link ForecastBudget} allows. A ticket being
 * issued is answered from the forecast's "new ticket" of its line (the play already answers, for each
 * service and class, a ticket as if it alone were added now), so issuing costs no play of its own.
 *
 * <p><b>Under load</b> (the budget spent: plays of a long line asked for faster than the budget's share
 * of the thread), the board answers from the kept forecast and what changed since, until the budget
 * allows the next play: a ticket of the kept forecast keeps its estimate, less the time gone by since;
 * the new ticket of a line, and each ticket added to a line since, waits the line's new-ticket estimate
 * plus, for each ticket added to the same line (service and class) before it since the forecast, the
 * service's mean divided by the counters open for it. Calls and departures since change nothing until
 * the next play (their effect is already foreseen by the play, roughly). At a hall's real pace the
 * budget never binds and every answer is a fresh play's.
 *
 * <p><b>A long hall</b> (issue 15): a play that took more than {@link #DEFAULT_INLINE_PLAY} (as configured) last time is
 * not run on the owner's thread again; the board copies what the play needs (the hall's state, its call
 * lines, the service times as now) and hands the play to its {@link PlayRunner}, answering from the kept
 * forecast and what changed since (as under load, above) until the new forecast comes back and is
 * installed. So the owner's thread never stalls on a play, however long the line; one play runs at a
 * time, and the budget still sets how often. A hall of a few hundred waiting plays in well under a
 * millisecond, so it is always played in line and every answer stays exact.
 *
 * <p>Not thread-safe: the live hub owns it and touches it from one thread only.
 */
public final class SiteBoard {
    /** How many departed tickets' versions to remember for spotting late, stale events. */
    private static final int DEPARTED_MEMORY = 10_000;
    /** Longer than any real number, so it is read after all of them (numbers compare by length first). */
    private static final String NEWEST_NUMBER = "~".repeat(20);
    /** The probe of a priority line: the call policy asks only whether a ticket has a group, not which. */
    private static final String PROBE_PRIORITY_GROUP = "probe";
    /**
     * A play that took longer than this (CPU time) is next run off the owner's thread, unless configured
     * otherwise ({@code queue.estimateInlinePlayMillis}). 2 ms: a hall of 200 waiting with 11 counters
     * plays in 0.5 to 0.7 ms; a backlog of tens of thousands takes tens of ms.
     */
    public static final Duration DEFAULT_INLINE_PLAY = Duration.ofMillis(2);

    private final SiteDefinition site;
    private final ServiceTimeAverages averages;
    private final int recentCallsKept;
    private final Map<Integer, CounterSeat> seats = new TreeMap<>();
    private final Map<String, WaitingLine> lines = new LinkedHashMap<>();
    private final Map<UUID, Ticket> waitingById = new HashMap<>();
    /** The same waiting tickets in the lines the call policy is handed, kept sorted for the plays. */
    private CallLines callLines = new CallLines();
    private final Map<UUID, Integer> departedVersions = new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Integer> eldest) {
            return size() > DEPARTED_MEMORY;
        }
    };
    private final Deque<RecentCall> recentCalls = new ArrayDeque<>();
    private final HallEstimator estimator;
    private final ZoneId zone;
    private final ForecastBudget budget;
    private final PlayRunner runner;
    private final long inlinePlayNanos;
    /** Raised by every change, so a kept forecast is known to be out of date. */
    private long changes;
    private Forecast forecast;
    /** Tickets that joined a line since the kept forecast, each with how many joined the same line before it. */
    private final Map<UUID, Integer> joinedSince = new HashMap<>();
    /** How many joined each line since the kept forecast. */
    private final Map<LineKey, Integer> joinedPerLine = new HashMap<>();
    /** Tickets that joined a line since the kept forecast's moment, in order (see {@link #install}). */
    private final List<Ticket> joins = new ArrayList<>();
    private long playsRun;
    /** What the last play cost (CPU time): whether the next one runs in line or through the runner. */
    private long lastPlayNanos;
    /** A play handed to the runner and not back yet: no other starts meanwhile. */
    private boolean playing;
    /** Raised by every load, so a play handed out before it is dropped when it comes back. */
    private long loads;

    /** The hall's forecast at one moment: each waiting ticket's estimate, and a new ticket's per line. */
    private record Forecast(long changes, Instant at, HallState state, Map<UUID, WaitEstimate> tickets,
                            Map<LineKey, WaitEstimate> newTicket) {
    }

    /** A play's result, with what it cost on the thread that ran it. */
    private record Played(Forecast forecast, long costNanos) {
    }

    /** One line a walk-in joins: a service, normal or priority. */
    private record LineKey(String serviceId, boolean priority) {
        static LineKey of(Ticket ticket) {
            return new LineKey(ticket.serviceId(), ticket.isPriority());
        }
    }

    /** With a budget that never holds a play back: every answer is a fresh play's (tests, simulations). */
    public SiteBoard(SiteDefinition site, ServiceTimeAverages averages, int recentCallsKept, HallEstimator estimator,
                     ZoneId zone) {
        this(site, averages, recentCallsKept, estimator, zone, ForecastBudget.unlimited());
    }

    /** With every play run in line on the owner's thread (tests of the budget, the estimate's cost bench). */
    public SiteBoard(SiteDefinition site, ServiceTimeAverages averages, int recentCallsKept, HallEstimator estimator,
                     ZoneId zone, ForecastBudget budget) {
        this(site, averages, recentCallsKept, estimator, zone, budget, PlayRunner.INLINE, DEFAULT_INLINE_PLAY);
    }

    /** @param inlinePlay a play that took longer than this runs next through {@code runner} */
    public SiteBoard(SiteDefinition site, ServiceTimeAverages averages, int recentCallsKept, HallEstimator estimator,
                     ZoneId zone, ForecastBudget budget, PlayRunner runner, Duration inlinePlay) {
        this.site = site;
        this.averages = averages;
        this.recentCallsKept = recentCallsKept;
        this.estimator = estimator;
        this.zone = zone;
        this.budget = budget;
        this.runner = runner;
        this.inlinePlayNanos = inlinePlay.toNanos();
        site.serviceIds().forEach(id -> lines.put(id, new WaitingLine()));
    }

    public String siteId() {
        return site.id();
    }

    /** Replaces everything with the state read from the store. */
    public void load(Collection<Counter> counters, Collection<Ticket> activeTickets, List<RecentCall> latestCalls) {
        seats.clear();
        waitingById.clear();
        callLines = new CallLines();
        departedVersions.clear();
        recentCalls.clear();
        lines.replaceAll((id, line) -> new WaitingLine());
        Map<UUID, Ticket> byId = new HashMap<>();
        for (Ticket ticket : activeTickets) {
            byId.put(ticket.id(), ticket);
            if (ticket.status() == TicketStatus.WAITING && ticket.siteId().equals(site.id())) {
                addWaiting(ticket);
            }
        }
        for (Counter counter : counters) {
            if (counter.siteId().equals(site.id())) {
                Ticket current = counter.currentTicketId() == null ? null : byId.get(counter.currentTicketId());
                seats.put(counter.id(), new CounterSeat(counter, current));
            }
        }
        latestCalls.stream().limit(recentCallsKept).forEach(recentCalls::addLast);
        changes++;
        forecast = null; // a new picture altogether: the next question plays it whatever the budget
        loads++;
        playing = false;
        joins.clear();
        joinedSince.clear();
        joinedPerLine.clear();
    }

    /** How many times this board has played the hall forward (for figures and tests). */
    public long playsRun() {
        return playsRun;
    }

    /**
     * Applies a committed event.
     *
     * @return false when the event was stale or not about this site, so there is nothing to announce
     */
    public boolean apply(QueueEvent event) {
        boolean changed = false;
        if (event.ticket() != null) {
            if (isStale(event.ticket())) {
                return false;
            }
            changed = applyTicket(event.type(), event.ticket(), event.at());
        }
        if (event.counter() != null) {
            changed |= applyCounter(event.counter(), event.ticket());
        }
        if (changed) {
            changes++;
        }
        return changed;
    }

    public List<CounterSeat> counters() {
        return List.copyOf(seats.values());
    }

    public List<RecentCall> recentCalls() {
        return List.copyOf(recentCalls);
    }

    public List<QueueStats> queues(Instant now) {
        List<QueueStats> stats = new ArrayList<>();
        lines.keySet().forEach(serviceId -> stats.add(queue(serviceId, now)));
        return stats;
    }

    /** The line for one service, with what a ticket taken now would wait. */
    public QueueStats queue(String serviceId, Instant now) {
        WaitingLine line = lines.get(serviceId);
        if (line == null) {
            return new QueueStats(serviceId, 0, null, null, 0);
        }
        Forecast current = forecast(now);
        WaitEstimate estimate = joined(current, new LineKey(serviceId, false),
                joinedPerLine.getOrDefault(new LineKey(serviceId, false), 0), now);
        return new QueueStats(serviceId, line.size(), line.oldestQueuedSince(), estimate.minutes(),
                countersOpenFor(serviceId), estimate.notBeforeClosing());
    }

    /**
     * Where a ticket stands: how many are ahead and the estimated wait, if it waits at this site. A ticket
     * not on the board yet (one being issued) is estimated as if it had just joined its line.
     */
    public Standing standing(Ticket ticket, Instant now) {
        if (ticket.status() != TicketStatus.WAITING || !ticket.siteId().equals(site.id())) {
            return Standing.NOT_WAITING;
        }
        WaitingLine line = lines.get(ticket.serviceId());
        int ahead = line == null ? 0 : line.ahead(ticket);
        WaitEstimate estimate = estimateOf(ticket, forecast(now), now);
        return new Standing(ahead, estimate.minutes(), countersOpenFor(ticket.serviceId()), estimate.notBeforeClosing());
    }

    /**
     * What the estimator sees: the waiting tickets, the open counters with the ticket each deals with, and
     * today's opening periods. Before opening and in the lunch break, when nobody has opened a counter yet,
     * the site's counters are expected to open with their default services.
     */
    public HallState hallState(Instant now) {
        List<HallState.CallingPeriod> periods = HallState.periodsOn(site.openingHours(),
                now.atZone(zone).toLocalDate(), zone);
        List<HallState.OpenCounter> open = new ArrayList<>();
        for (CounterSeat seat : seats.values()) {
            Counter counter = seat.counter();
            if (counter.state() == CounterState.OPEN) {
                Ticket current = seat.current();
                open.add(new HallState.OpenCounter(counter.id(), counter.services(), counter.priorityStreak(),
                        current == null ? null : current.serviceId(), current == null ? null : current.calledAt()));
            }
        }
        boolean calling = periods.stream().anyMatch(p -> !now.isBefore(p.opens()) && now.isBefore(p.closes()));
        boolean opensLater = periods.stream().anyMatch(p -> p.opens().isAfter(now));
        if (open.isEmpty() && !calling && opensLater) {
            site.counters().forEach(c -> open.add(HallState.OpenCounter.free(c.id(), c.defaultServices(), 0)));
        }
        return new HallState(now, periods, open, List.copyOf(waitingById.values()));
    }

    /**
     * A ticket's estimate: its own in the forecast; for a walk-in not in it (one being issued, or one that
     * joined since a kept forecast), its line's new ticket, later by a mean per counter for each ticket that
     * joined its line before it since; a ticket sent to a counter or booked, being issued, gets a play of its
     * own when the forecast is fresh.
     */
    private WaitEstimate estimateOf(Ticket ticket, Forecast current, Instant now) {
        WaitEstimate kept = current.tickets().get(ticket.id());
        if (kept != null) {
            return sinceForecast(kept, current, now);
        }
        LineKey line = LineKey.of(ticket);
        boolean walkIn = ticket.assignedCounterId() == null && !ticket.isBooked()
                && current.newTicket().containsKey(line);
        if (!walkIn && isFresh(current, now) && lastPlayNanos <= inlinePlayNanos) {
            return estimator.estimate(current.state(), newest(ticket), averages.playedTimes());
        }
        if (!current.newTicket().containsKey(line)) {
            line = new LineKey(ticket.serviceId(), false);
        }
        if (!current.newTicket().containsKey(line)) {
            return WaitEstimate.NO_COUNTER;
        }
        Integer before = joinedSince.get(ticket.id());
        return joined(current, line, before != null ? before : joinedPerLine.getOrDefault(line, 0), now);
    }

    /** The line's new ticket of the forecast, with {@code before} more tickets ahead of it. */
    private WaitEstimate joined(Forecast current, LineKey line, int before, Instant now) {
        WaitEstimate first = current.newTicket().get(line);
        int counters = countersOpenFor(line.serviceId());
        if (before == 0 || counters == 0 || first.outcome() != WaitEstimate.Outcome.EXPECTED) {
            return sinceForecast(first, current, now);
        }
        Duration more = averages.mean(line.serviceId()).multipliedBy(before).dividedBy(counters);
        return sinceForecast(WaitEstimate.after(first.untilCall().plus(more)), current, now);
    }

    /** An estimate of the forecast, less the time gone by since it was played. */
    private static WaitEstimate sinceForecast(WaitEstimate estimate, Forecast current, Instant now) {
        Duration gone = Duration.between(current.at(), now.truncatedTo(ChronoUnit.SECONDS));
        if (gone.isZero() || gone.isNegative() || estimate.outcome() != WaitEstimate.Outcome.EXPECTED) {
            return estimate;
        }
        return WaitEstimate.after(estimate.untilCall().minus(gone));
    }

    private boolean isFresh(Forecast current, Instant now) {
        return current.changes() == changes && current.at().equals(now.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The forecast to answer from: the kept one while fresh, while the budget holds plays back or while a
     * play is out with the runner; else a new play, in line when the last one was short, through the
     * runner when it was long (the kept forecast answers until it is back).
     */
    private Forecast forecast(Instant now) {
        Instant second = now.truncatedTo(ChronoUnit.SECONDS);
        if (forecast != null && (isFresh(forecast, now)
                || (!forecast.at().isAfter(second) && (playing || !budget.allowsPlay())))) {
            return forecast;
        }
        if (forecast == null || lastPlayNanos <= inlinePlayNanos) {
            PlayInput input = new PlayInput(changes, second, hallState(second), callLines, averages.playedTimes(),
                    probes(second));
            install(input.play(estimator, budget), 0, loads);
        } else {
            long started = budget.startPlay();
            // Only the hall's state is copied here (its list of waiting tickets, linear); the play sorts
            // them into call lines on its own thread, so this thread never copies the lines.
            PlayInput input = new PlayInput(changes, second, hallState(second), null, averages.playedTimesAsNow(),
                    probes(second));
            long copied = budget.startPlay() - started;
            budget.charge(copied);
            playing = true;
            int mark = joins.size();
            long load = loads;
            runner.run(() -> input.play(estimator, budget), played -> install(played, mark, load),
                    failed -> {
                        if (load == loads) {
                            playing = false; // the kept forecast answers on; the next question may try again
                        }
                    });
        }
        return forecast;
    }

    /**
     * What a play reads. For a play on another thread everything in it is a copy (the hall's state is
     * immutable, the service times are as they were) and {@code lines} is null: the play sorts the
     * state's tickets itself. In line, {@code lines} are the board's own, which the estimator copies.
     */
    private record PlayInput(long changes, Instant at, HallState state, CallLines lines, PlayedTimes times,
                             Map<LineKey, Ticket> probes) {
        Played play(HallEstimator estimator, ForecastBudget budget) {
            long started = budget.startPlay();
            List<Ticket> probeTickets = List.copyOf(probes.values());
            Map<UUID, WaitEstimate> tickets = lines == null
                    ? estimator.forecast(state, probeTickets, times)
                    : estimator.forecast(state, lines, probeTickets, times);
            Map<LineKey, WaitEstimate> newTicket = new HashMap<>();
            probes.forEach((line, probe) -> newTicket.put(line, tickets.remove(probe.id())));
            return new Played(new Forecast(changes, at, state, tickets, newTicket), budget.startPlay() - started);
        }
    }

    /** One probe per line (service, normal or priority): a walk-in taken at this moment. */
    private Map<LineKey, Ticket> probes(Instant now) {
        Map<LineKey, Ticket> probes = new LinkedHashMap<>();
        int index = 0;
        for (String serviceId : lines.keySet()) {
            for (boolean priority : new boolean[] {false, true}) {
                probes.put(new LineKey(serviceId, priority), probe(new UUID(0, index++), serviceId, priority, now));
            }
        }
        return probes;
    }

    /**
     * Makes a play's forecast the kept one, unless the board was loaded afresh since the play was handed
     * out. The tickets that joined a line after the play's moment ({@code joins} from {@code mark} on) are
     * not in it: they count as joined since, each after those of its line before it.
     */
    private void install(Played played, int mark, long load) {
        if (load != loads) {
            return;
        }
        playing = false;
        forecast = played.forecast();
        lastPlayNanos = played.costNanos();
        budget.charge(played.costNanos());
        playsRun++;
        List<Ticket> after = new ArrayList<>(joins.subList(Math.min(mark, joins.size()), joins.size()));
        joins.clear();
        joinedSince.clear();
        joinedPerLine.clear();
        after.stream().filter(t -> waitingById.containsKey(t.id())).forEach(this::countJoined);
    }

    /** A walk-in ticket for the service taken at this moment, to ask what a new ticket would wait. */
    private Ticket probe(UUID id, String serviceId, boolean priority, Instant now) {
        return new Ticket(id, NEWEST_NUMBER, now.atZone(zone).toLocalDate(), site.id(), serviceId,
                priority ? PROBE_PRIORITY_GROUP : null, null,
                TicketStatus.WAITING, now, now, null, null, null, null, null, 0, 0, null, null);
    }

    /**
     * A ticket being issued has no number yet; among tickets issued in the same millisecond it is the
     * newest, so it gets a number read after every real one.
     */
    private static Ticket newest(Ticket t) {
        return new Ticket(t.id(), NEWEST_NUMBER, t.serviceDay(), t.siteId(), t.serviceId(), t.priorityGroup(),
                t.channel(), t.status(), t.issuedAt(), t.queuedSince(), t.counterId(), t.assignedCounterId(),
                t.calledAt(), t.servingAt(), t.finishedAt(), t.callCount(), t.version(), t.note(), t.slotStart());
    }

    public int countersOpenFor(String serviceId) {
        int open = 0;
        for (CounterSeat seat : seats.values()) {
            if (seat.counter().state() == CounterState.OPEN && seat.counter().serves(serviceId)) {
                open++;
            }
        }
        return open;
    }

    private boolean applyTicket(EventType type, Ticket ticket, Instant at) {
        Ticket previous = waitingById.remove(ticket.id());
        if (previous != null) {
            lines.get(previous.serviceId()).remove(previous);
            callLines.remove(previous);
        }
        boolean here = ticket.siteId().equals(site.id());
        if (ticket.status() == TicketStatus.WAITING && here && lines.containsKey(ticket.serviceId())) {
            addWaiting(ticket);
        } else {
            departedVersions.put(ticket.id(), ticket.version());
        }
        if (type.isCall() && here && ticket.counterId() != null) {
            recentCalls.addFirst(new RecentCall(ticket.id(), ticket.number(), ticket.serviceId(), ticket.counterId(),
                    at, type == EventType.TICKET_RECALLED));
            while (recentCalls.size() > recentCallsKept) {
                recentCalls.removeLast();
            }
        }
        if (type == EventType.TICKET_COMPLETED && here) {
            averages.record(ticket.serviceId(), ticket.serviceTime());
        }
        return previous != null || here;
    }

    private boolean applyCounter(Counter counter, Ticket ticket) {
        CounterSeat seat = seats.get(counter.id());
        if (!counter.siteId().equals(site.id())) {
            return seats.remove(counter.id()) != null;
        }
        if (seat != null && counter.version() < seat.counter().version()) {
            return false;
        }
        Ticket current = null;
        if (counter.currentTicketId() != null) {
            if (ticket != null && ticket.id().equals(counter.currentTicketId())) {
                current = ticket;
            } else if (seat != null && seat.current() != null
                    && seat.current().id().equals(counter.currentTicketId())) {
                current = seat.current();
            }
        }
        seats.put(counter.id(), new CounterSeat(counter, current));
        return true;
    }

    private boolean isStale(Ticket ticket) {
        Integer known = null;
        Ticket waiting = waitingById.get(ticket.id());
        if (waiting != null) {
            known = waiting.version();
        } else if (departedVersions.containsKey(ticket.id())) {
            known = departedVersions.get(ticket.id());
        }
        return known != null && ticket.version() <= known;
    }

    private void addWaiting(Ticket ticket) {
        waitingById.put(ticket.id(), ticket);
        lines.get(ticket.serviceId()).add(ticket);
        callLines.add(ticket);
        if (forecast != null) {
            joins.add(ticket);
            countJoined(ticket);
        }
    }

    private void countJoined(Ticket ticket) {
        if (!forecast.tickets().containsKey(ticket.id()) && !joinedSince.containsKey(ticket.id())) {
            LineKey line = LineKey.of(ticket);
            int before = joinedPerLine.getOrDefault(line, 0);
            joinedSince.put(ticket.id(), before);
            joinedPerLine.put(line, before + 1);
        }
    }

}
