package vn.luot.core.domain.balancing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.domain.estimate.HallEstimator;
import vn.luot.core.domain.estimate.HallState;
import vn.luot.core.domain.estimate.WaitEstimate;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketStatus;

/**
 * <b>What a manager could do now</b> to bring a line back within its target, each with its expected effect.
 *
 * <p>A suggestion appears for a service whose wait at a site (what a ticket taken now would wait, by the
 * {@link HallEstimator}) is over the service's target, or that has people waiting and no counter for it.
 * Only possible actions are proposed:
 * <ul>
 *   <li><b>serve also</b>: an open counter of the same site that does not serve the service, and whose own
 *       services are all within their targets (it is less loaded, and someone is at it), also serves it;</li>
 *   <li><b>move the newest</b>: the {@code count} most recently issued waiting tickets of the service go
 *       to another site that offers it and has a counter open for it. The count is the one that saves the
 *       most, at most {@code maxMoved}; the travel time counts against the moved citizens.</li>
 * </ul>
 * The expected effect is the estimator run on the halls as they would be after the action: the line's
 * wait before and after at each site touched, and the minutes saved across all waiting citizens of those
 * sites (their estimated waits summed, before minus after; a ticket no counter would reach today counts as
 * waiting until closing). Only actions that save time are proposed, most minutes saved first.
 */
public final class SuggestionRules {
    private static final UUID PROBE_ID = new UUID(0, 1);
    private static final String NEWEST_NUMBER = "~".repeat(20);

    private final HallEstimator estimator;
    private final Function<String, Duration> targetWait;
    private final TravelTimes travel;
    private final int maxMoved;

    public SuggestionRules(HallEstimator estimator, Function<String, Duration> targetWait, TravelTimes travel,
                           int maxMoved) {
        this.estimator = estimator;
        this.targetWait = targetWait;
        this.travel = travel;
        this.maxMoved = maxMoved;
    }

    /** One site's hall now: what it offers and what the estimator sees. */
    public record SiteHall(SiteDefinition site, HallState state) {
    }

    /** An action a suggestion proposes. */
    public sealed interface Action permits ServeAlso, MoveNewest {
    }

    /** Counter {@code counterId} also serves {@code serviceId}: its services become {@code servicesAfter}. */
    public record ServeAlso(String siteId, int counterId, String serviceId, List<String> servicesAfter)
            implements Action {
        public ServeAlso {
            servicesAfter = List.copyOf(servicesAfter);
        }
    }

    /** The newest {@code ticketIds.size()} waiting tickets of {@code serviceId} move from one site to the other. */
    public record MoveNewest(String fromSiteId, String toSiteId, String serviceId, List<UUID> ticketIds)
            implements Action {
        public MoveNewest {
            ticketIds = List.copyOf(ticketIds);
        }

        public int count() {
            return ticketIds.size();
        }
    }

    /** A line's wait (for a ticket taken now) before and after; null minutes when no counter serves it. */
    public record Effect(String siteId, String serviceId, Integer minutesBefore, Integer minutesAfter) {
    }

    /**
     * @param id           stable while the same action stays the suggested one (a move's count may change)
     * @param minutesSaved across every waiting citizen of the sites touched
     */
    public record Suggestion(String id, Action action, List<Effect> effects, long minutesSaved) {
        public Suggestion {
            effects = List.copyOf(effects);
        }
    }

    public List<Suggestion> suggest(List<SiteHall> halls, Function<String, Duration> mean) {
        Map<String, SiteHall> bySite = new LinkedHashMap<>();
        halls.forEach(h -> bySite.put(h.site().id(), h));
        List<Suggestion> found = new ArrayList<>();
        for (SiteHall hall : halls) {
            for (String serviceId : hall.site().serviceIds()) {
                if (!overTarget(hall, serviceId, mean)) {
                    continue;
                }
                found.addAll(serveAlso(hall, serviceId, mean));
                for (SiteHall other : halls) {
                    if (other != hall && other.site().offers(serviceId)) {
                        moveNewest(hall, other, serviceId, mean).ifPresent(found::add);
                    }
                }
            }
        }
        found.sort(Comparator.comparingLong(Suggestion::minutesSaved).reversed().thenComparing(Suggestion::id));
        return found;
    }

    private boolean overTarget(SiteHall hall, String serviceId, Function<String, Duration> mean) {
        boolean someoneWaits = hall.state().waiting().stream().anyMatch(t -> t.serviceId().equals(serviceId));
        if (!someoneWaits) {
            return false;
        }
        Integer wait = lineWait(hall, hall.state(), serviceId, mean);
        return wait == null || Duration.ofMinutes(wait).compareTo(targetWait.apply(serviceId)) > 0;
    }

    private List<Suggestion> serveAlso(SiteHall hall, String serviceId, Function<String, Duration> mean) {
        List<Suggestion> found = new ArrayList<>();
        HallState before = hall.state();
        long costBefore = cost(before, mean);
        for (HallState.OpenCounter counter : before.counters()) {
            if (counter.services().contains(serviceId) || !withinTargets(hall, counter.services(), mean)) {
                continue;
            }
            List<String> services = new ArrayList<>(counter.services());
            services.add(serviceId);
            HallState after = withCounter(before, counter, services);
            long saved = costBefore - cost(after, mean);
            if (saved <= 0) {
                continue;
            }
            List<Effect> effects = new ArrayList<>();
            effects.add(new Effect(hall.site().id(), serviceId, lineWait(hall, before, serviceId, mean),
                    lineWait(hall, after, serviceId, mean)));
            for (String own : counter.services()) {
                effects.add(new Effect(hall.site().id(), own, lineWait(hall, before, own, mean),
                        lineWait(hall, after, own, mean)));
            }
            found.add(new Suggestion("serve:" + counter.id() + ":" + serviceId,
                    new ServeAlso(hall.site().id(), counter.id(), serviceId, services), effects, saved));
        }
        return found;
    }

    private java.util.Optional<Suggestion> moveNewest(SiteHall from, SiteHall to, String serviceId,
                                                      Function<String, Duration> mean) {
        boolean servedThere = to.state().counters().stream().anyMatch(c -> c.services().contains(serviceId));
        if (!servedThere) {
            return java.util.Optional.empty();
        }
        List<Ticket> newest = from.state().waiting().stream()
                .filter(t -> t.serviceId().equals(serviceId) && t.assignedCounterId() == null
                        && t.status() == TicketStatus.WAITING)
                .sorted(Comparator.comparing(Ticket::queuedSince).thenComparing(Ticket::number).reversed())
                .limit(maxMoved).toList();
        int minutesAway = travel.minutes(from.site().id(), to.site().id());
        long before = cost(from.state(), mean) + cost(to.state(), mean);
        long bestSaved = 0;
        int bestCount = 0;
        HallState bestFrom = null;
        HallState bestTo = null;
        for (int k = 1; k <= newest.size(); k++) {
            List<Ticket> moving = newest.subList(0, k);
            HallState fromAfter = without(from.state(), moving);
            HallState toAfter = with(to.state(), moving, to.site().id());
            long saved = before - cost(fromAfter, mean) - cost(toAfter, mean) - (long) k * minutesAway;
            if (saved > bestSaved) {
                bestSaved = saved;
                bestCount = k;
                bestFrom = fromAfter;
                bestTo = toAfter;
            }
        }
        if (bestCount == 0) {
            return java.util.Optional.empty();
        }
        List<UUID> ids = newest.subList(0, bestCount).stream().map(Ticket::id).toList();
        List<Effect> effects = List.of(
                new Effect(from.site().id(), serviceId, lineWait(from, from.state(), serviceId, mean),
                        lineWait(from, bestFrom, serviceId, mean)),
                new Effect(to.site().id(), serviceId, lineWait(to, to.state(), serviceId, mean),
                        lineWait(to, bestTo, serviceId, mean)));
        return java.util.Optional.of(new Suggestion("move:" + from.site().id() + ":" + serviceId + ":" + to.site().id(),
                new MoveNewest(from.site().id(), to.site().id(), serviceId, ids), effects, bestSaved));
    }

    private boolean withinTargets(SiteHall hall, List<String> services, Function<String, Duration> mean) {
        for (String service : services) {
            Integer wait = lineWait(hall, hall.state(), service, mean);
            if (wait != null && Duration.ofMinutes(wait).compareTo(targetWait.apply(service)) > 0) {
                return false;
            }
        }
        return true;
    }

    /** What a ticket of the service taken now would wait in this state, in minutes; null when none would be called. */
    Integer lineWait(SiteHall hall, HallState state, String serviceId, Function<String, Duration> mean) {
        Instant now = state.now();
        Ticket probe = new Ticket(PROBE_ID, NEWEST_NUMBER, now.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                hall.site().id(), serviceId, null, null, TicketStatus.WAITING, now, now, null, null, null, null, null,
                0, 0, null, null);
        return estimator.estimate(state, probe, mean).minutes();
    }

    /** Minutes every waiting citizen of the hall is expected to wait, summed; one no counter reaches waits till closing. */
    long cost(HallState state, Function<String, Duration> mean) {
        Map<UUID, WaitEstimate> forecast = estimator.forecast(state, mean);
        long untilClosing = state.callingPeriods().isEmpty() ? 8 * 60
                : Math.max(60, Duration.between(state.now(),
                        state.callingPeriods().get(state.callingPeriods().size() - 1).closes()).toMinutes());
        long total = 0;
        for (WaitEstimate estimate : forecast.values()) {
            Integer minutes = estimate.minutes();
            total += minutes == null ? untilClosing : minutes;
        }
        return total;
    }

    private static HallState withCounter(HallState state, HallState.OpenCounter changed, List<String> services) {
        List<HallState.OpenCounter> counters = new ArrayList<>();
        for (HallState.OpenCounter c : state.counters()) {
            counters.add(c.id() == changed.id()
                    ? new HallState.OpenCounter(c.id(), services, c.priorityStreak(), c.busyWith(), c.busySince()) : c);
        }
        return new HallState(state.now(), state.callingPeriods(), counters, state.waiting());
    }

    private static HallState without(HallState state, List<Ticket> leaving) {
        List<UUID> ids = leaving.stream().map(Ticket::id).toList();
        return new HallState(state.now(), state.callingPeriods(), state.counters(),
                state.waiting().stream().filter(t -> !ids.contains(t.id())).toList());
    }

    private static HallState with(HallState state, List<Ticket> arriving, String siteId) {
        List<Ticket> waiting = new ArrayList<>(state.waiting());
        arriving.forEach(t -> waiting.add(t.movedTo(siteId)));
        return new HallState(state.now(), state.callingPeriods(), state.counters(), waiting);
    }
}
