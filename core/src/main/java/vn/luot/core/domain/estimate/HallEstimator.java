package vn.luot.core.domain.estimate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import vn.luot.core.domain.calling.CallLines;
import vn.luot.core.domain.calling.CallPolicy;
import vn.luot.core.domain.ticket.Ticket;

/**
 * <b>The wait estimate</b>: it plays the hall forward from its current state and reads off when each
 * waiting ticket would be called. Every open counter becomes free when its current ticket is expected to
 * end, then calls, only within the site's opening periods (nobody is called in the lunch break or after
 * closing), whichever ticket the real {@link CallPolicy} picks from the same candidates the store would
 * hand it ({@link CallLines}), and is busy for that service's running mean service time. So counters that
 * serve several services, priority tickets that come in ahead, anti-starvation and the ticket a counter
 * is still serving are all counted, by the same rules the server calls by.
 *
 * <p>It answers {@link WaitEstimate#NO_COUNTER} when no open counter serves the ticket, and
 * {@link WaitEstimate#NOT_BEFORE_CLOSING} when counters do but would not reach it today. Nobody new is
 * assumed to arrive: a ticket issued later with priority can still come in ahead, which is why the
 * estimate is recomputed after every event.
 *
 * <p>Cost: one call of the policy per waiting ticket; see {@code bench/}'s estimator benchmark.
 */
public final class HallEstimator {
    /**
     * Share of its mean service time a counter is still expected to need once its current ticket has
     * already run past the mean (long service times have long tails, so "any moment now" is too hopeful).
     */
    static final double REMAINING_SHARE_PAST_MEAN = 0.5;

    private final CallPolicy policy;
    private final Function<String, Duration> targetWait;

    public HallEstimator(CallPolicy policy, Function<String, Duration> targetWait) {
        this.policy = policy;
        this.targetWait = targetWait;
    }

    /** The estimate of every waiting ticket of the hall. */
    public Map<UUID, WaitEstimate> forecast(HallState state, Function<String, Duration> meanServiceTime) {
        return forecast(state, List.of(), meanServiceTime);
    }

    /**
     * The estimate of every waiting ticket, and of each of the new tickets as if it alone were issued now,
     * in one play: the same answers as {@link #estimate} for each new ticket, at the cost of one play.
     *
     * <p>A new ticket must be the newest of its line (queued now, numbered after every waiting one), as one
     * being issued is. Until it would be called, a hall with it plays exactly as the hall without it (a
     * candidate not chosen changes no choice), and it is a candidate only once its line is otherwise empty;
     * so it is called at the first call in this play where the policy, offered it too, would choose it.
     */
    public Map<UUID, WaitEstimate> forecast(HallState state, List<Ticket> newTickets,
                                            Function<String, Duration> meanServiceTime) {
        return forecast(state, newTickets, PlayedTimes.means(meanServiceTime));
    }

    /** As {@link #forecast(HallState, List, Function)}, with the played durations given by {@code times}. */
    public Map<UUID, WaitEstimate> forecast(HallState state, List<Ticket> newTickets, PlayedTimes times) {
        return forecastWith(state, new CallLines(state.waiting()), newTickets, times);
    }

    /**
     * As {@link #forecast(HallState, List, PlayedTimes)}, with the state's waiting tickets already in their
     * call lines (exactly {@code state.waiting()}; a board keeps them so, and the play works on a copy, which
     * saves sorting a long hall for every play).
     */
    public Map<UUID, WaitEstimate> forecast(HallState state, CallLines waiting, List<Ticket> newTickets,
                                            PlayedTimes times) {
        return forecastWith(state, waiting.copy(), newTickets, times);
    }

    private Map<UUID, WaitEstimate> forecastWith(HallState state, CallLines lines, List<Ticket> newTickets,
                                                 PlayedTimes times) {
        Map<UUID, Long> calls = play(state, times, null, newTickets, lines);
        Set<String> served = servedServices(state);
        // Sized for them all: a long hall's map would otherwise be rehashed a dozen times per play.
        Map<UUID, WaitEstimate> estimates = new HashMap<>((state.waiting().size() + newTickets.size()) * 4 / 3 + 1);
        for (Ticket ticket : state.waiting()) {
            estimates.put(ticket.id(), outcome(state, served, ticket, calls.get(ticket.id())));
        }
        for (Ticket ticket : newTickets) {
            estimates.put(ticket.id(), outcome(state, served, ticket, calls.get(ticket.id())));
        }
        return estimates;
    }

    /**
     * The estimate of one ticket; when it is not among the hall's waiting tickets (one about to be issued),
     * it is added to them first.
     */
    public WaitEstimate estimate(HallState state, Ticket ticket, Function<String, Duration> meanServiceTime) {
        return estimate(state, ticket, PlayedTimes.means(meanServiceTime));
    }

    /** As {@link #estimate(HallState, Ticket, Function)}, with the played durations given by {@code times}. */
    public WaitEstimate estimate(HallState state, Ticket ticket, PlayedTimes times) {
        HallState withTicket = state.waiting().stream().anyMatch(t -> t.id().equals(ticket.id()))
                ? state : state.with(ticket);
        Map<UUID, Long> calls = play(withTicket, times, ticket.id(), List.of(), new CallLines(withTicket.waiting()));
        return outcome(withTicket, servedServices(withTicket), ticket, calls.get(ticket.id()));
    }

    private static WaitEstimate outcome(HallState state, Set<String> served, Ticket ticket, Long calledAt) {
        if (calledAt != null) {
            return WaitEstimate.after(Duration.ofMillis(calledAt - state.now().toEpochMilli()));
        }
        boolean someoneServes = ticket.assignedCounterId() != null
                ? state.counters().stream().anyMatch(c -> c.id() == ticket.assignedCounterId())
                : served.contains(ticket.serviceId());
        return someoneServes ? WaitEstimate.NOT_BEFORE_CLOSING : WaitEstimate.NO_COUNTER;
    }

    /**
     * Plays the calls forward.
     *
     * @param stopAfter  a ticket whose call ends the play early, or null to call everyone who can be
     * @param newTickets tickets not in the hall, each answered as if it alone were added (see {@link #forecast})
     * @param lines      the state's waiting tickets in their call lines, emptied by the play
     * @return the epoch milliseconds each called ticket is called at
     */
    private Map<UUID, Long> play(HallState state, PlayedTimes times, UUID stopAfter,
                                 List<Ticket> newTickets, CallLines lines) {
        List<HallState.OpenCounter> counters = state.counters();
        int n = counters.size();
        long now = state.now().toEpochMilli();
        long[] freeAt = new long[n];
        int[] streak = new int[n];
        boolean[] finished = new boolean[n];
        for (int i = 0; i < n; i++) {
            HallState.OpenCounter counter = counters.get(i);
            streak[i] = counter.priorityStreak();
            freeAt[i] = now;
            if (counter.busyWith() != null) {
                long elapsed = counter.busySince() == null ? 0 : Math.max(0, now - counter.busySince().toEpochMilli());
                freeAt[i] = now + times.remainingMillis(counter, elapsed);
            }
        }
        Map<UUID, Long> calls = new HashMap<>((lines.size() + newTickets.size()) * 4 / 3 + 1);
        List<Ticket> pending = new ArrayList<>(newTickets);
        int left = n;
        while (left > 0 && !lines.isEmpty()) {
            int i = earliest(freeAt, finished);
            long at = callableFrom(freeAt[i], state.callingPeriods());
            HallState.OpenCounter counter = counters.get(i);
            List<Ticket> heads = at < 0 ? List.of() : lines.heads(counter.id(), counter.services());
            if (at >= 0 && !pending.isEmpty()) {
                callNewTickets(pending, calls, counter, heads, streak[i], at, lines);
            }
            Optional<Ticket> chosen = at < 0 ? Optional.empty()
                    : policy.choose(counter.id(), heads, streak[i], Instant.ofEpochMilli(at), targetWait);
            if (chosen.isEmpty()) {
                finished[i] = true;
                left--;
                continue;
            }
            Ticket called = chosen.get();
            lines.remove(called);
            calls.put(called.id(), at);
            if (called.id().equals(stopAfter)) {
                break;
            }
            streak[i] = CallPolicy.streakAfter(streak[i], called);
            freeAt[i] = at + times.serviceMillis(called);
        }
        // Nobody left to call: a new ticket alone would go to the first counter of its service still calling.
        for (Ticket ticket : pending) {
            long first = -1;
            for (int i = 0; i < n; i++) {
                long at = finished[i] ? -1 : callableFrom(freeAt[i], state.callingPeriods());
                if (at >= 0 && mayCall(counters.get(i), ticket) && (first < 0 || at < first)) {
                    first = at;
                }
            }
            if (first >= 0) {
                calls.put(ticket.id(), first);
            }
        }
        return calls;
    }

    /** Offers each new ticket that is a candidate now, alone with the real ones, to the counter's policy. */
    private void callNewTickets(List<Ticket> pending, Map<UUID, Long> calls, HallState.OpenCounter counter,
                                List<Ticket> heads, int streak, long at, CallLines lines) {
        for (var it = pending.iterator(); it.hasNext(); ) {
            Ticket ticket = it.next();
            if (!mayCall(counter, ticket) || !lines.lineEmptyFor(ticket)) {
                continue;
            }
            List<Ticket> offered = new ArrayList<>(heads.size() + 1);
            offered.addAll(heads);
            offered.add(ticket);
            Optional<Ticket> chosen = policy.choose(counter.id(), offered, streak, Instant.ofEpochMilli(at), targetWait);
            if (chosen.isPresent() && chosen.get().id().equals(ticket.id())) {
                calls.put(ticket.id(), at);
                it.remove();
            }
        }
    }

    private static boolean mayCall(HallState.OpenCounter counter, Ticket ticket) {
        return ticket.assignedCounterId() != null ? ticket.assignedCounterId() == counter.id()
                : counter.services().contains(ticket.serviceId());
    }

    private static int earliest(long[] freeAt, boolean[] finished) {
        int best = -1;
        for (int i = 0; i < freeAt.length; i++) {
            if (!finished[i] && (best < 0 || freeAt[i] < freeAt[best])) {
                best = i;
            }
        }
        return best;
    }

    /** The first moment at or after {@code at} when the site calls, or -1 when it calls no more today. */
    private static long callableFrom(long at, List<HallState.CallingPeriod> periods) {
        for (HallState.CallingPeriod period : periods) {
            long closes = period.closes().toEpochMilli();
            if (at < closes) {
                return Math.max(at, period.opens().toEpochMilli());
            }
        }
        return -1;
    }

    private static Set<String> servedServices(HallState state) {
        Set<String> served = new HashSet<>();
        state.counters().forEach(c -> served.addAll(c.services()));
        return served;
    }
}
