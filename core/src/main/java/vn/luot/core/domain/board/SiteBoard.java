package vn.luot.core.domain.board;

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
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.domain.counter.Counter;
import vn.luot.core.domain.counter.CounterState;
import vn.luot.core.domain.estimate.HallEstimator;
import vn.luot.core.domain.estimate.HallState;
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
 * forecast of the whole hall is kept until the board changes or the clock moves on by a second.
 *
 * <p>Not thread-safe: the live hub owns it and touches it from one thread only.
 */
public final class SiteBoard {
    /** How many departed tickets' versions to remember for spotting late, stale events. */
    private static final int DEPARTED_MEMORY = 10_000;
    /** Longer than any real number, so it is read after all of them (numbers compare by length first). */
    private static final String NEWEST_NUMBER = "~".repeat(20);

    private final SiteDefinition site;
    private final ServiceTimeAverages averages;
    private final int recentCallsKept;
    private final Map<Integer, CounterSeat> seats = new TreeMap<>();
    private final Map<String, WaitingLine> lines = new LinkedHashMap<>();
    private final Map<UUID, Ticket> waitingById = new HashMap<>();
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
    /** Raised by every change, so a kept forecast is known to be out of date. */
    private long changes;
    private Forecast forecast;

    /** The hall's forecast at one moment: each waiting ticket's estimate, and a new ticket's per service. */
    private record Forecast(long changes, Instant at, HallState state, Map<UUID, WaitEstimate> tickets,
                            Map<String, WaitEstimate> newTicket) {
    }

    public SiteBoard(SiteDefinition site, ServiceTimeAverages averages, int recentCallsKept, HallEstimator estimator,
                     ZoneId zone) {
        this.site = site;
        this.averages = averages;
        this.recentCallsKept = recentCallsKept;
        this.estimator = estimator;
        this.zone = zone;
        site.serviceIds().forEach(id -> lines.put(id, new WaitingLine()));
    }

    public String siteId() {
        return site.id();
    }

    /** Replaces everything with the state read from the store. */
    public void load(Collection<Counter> counters, Collection<Ticket> activeTickets, List<RecentCall> latestCalls) {
        seats.clear();
        waitingById.clear();
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
        WaitEstimate estimate = forecast(now).newTicket().get(serviceId);
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
        Forecast current = forecast(now);
        WaitEstimate estimate = current.tickets().get(ticket.id());
        if (estimate == null) {
            estimate = estimator.estimate(current.state(), newest(ticket), averages.playedTimes());
        }
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

    private Forecast forecast(Instant now) {
        Instant second = now.truncatedTo(ChronoUnit.SECONDS);
        if (forecast != null && forecast.changes() == changes && forecast.at().equals(second)) {
            return forecast;
        }
        HallState state = hallState(second);
        List<Ticket> probes = new ArrayList<>();
        int index = 0;
        for (String serviceId : lines.keySet()) {
            probes.add(probe(new UUID(0, index++), serviceId, second));
        }
        Map<UUID, WaitEstimate> tickets = estimator.forecast(state, probes, averages.playedTimes());
        Map<String, WaitEstimate> newTicket = new HashMap<>();
        for (Ticket probe : probes) {
            newTicket.put(probe.serviceId(), tickets.remove(probe.id()));
        }
        forecast = new Forecast(changes, second, state, tickets, newTicket);
        return forecast;
    }

    /** A normal walk-in ticket for the service taken at this moment, to ask what a new ticket would wait. */
    private Ticket probe(UUID id, String serviceId, Instant now) {
        return new Ticket(id, NEWEST_NUMBER, now.atZone(zone).toLocalDate(), site.id(), serviceId, null, null,
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
    }

}
