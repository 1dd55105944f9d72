package vn.luot.core.domain.estimate;

import java.time.Duration;
import java.time.Instant;
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
        Map<UUID, Long> calls = play(state, meanServiceTime, null);
        Set<String> served = servedServices(state);
        Map<UUID, WaitEstimate> estimates = new HashMap<>();
        for (Ticket ticket : state.waiting()) {
            estimates.put(ticket.id(), outcome(state, served, ticket, calls.get(ticket.id())));
        }
        return estimates;
    }

    /**
     * The estimate of one ticket; when it is not among the hall's waiting tickets (one about to be issued),
     * it is added to them first.
     */
    public WaitEstimate estimate(HallState state, Ticket ticket, Function<String, Duration> meanServiceTime) {
        HallState withTicket = state.waiting().stream().anyMatch(t -> t.id().equals(ticket.id()))
                ? state : state.with(ticket);
        Map<UUID, Long> calls = play(withTicket, meanServiceTime, ticket.id());
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
     * @param stopAfter a ticket whose call ends the play early, or null to call everyone who can be
     * @return the epoch milliseconds each called ticket is called at
     */
    private Map<UUID, Long> play(HallState state, Function<String, Duration> meanServiceTime, UUID stopAfter) {
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
                long mean = meanServiceTime.apply(counter.busyWith()).toMillis();
                long elapsed = counter.busySince() == null ? 0 : Math.max(0, now - counter.busySince().toEpochMilli());
                freeAt[i] = now + Math.max(mean - elapsed, Math.round(mean * REMAINING_SHARE_PAST_MEAN));
            }
        }
        CallLines lines = new CallLines(state.waiting());
        Map<UUID, Long> calls = new HashMap<>();
        int left = n;
        while (left > 0 && !lines.isEmpty()) {
            int i = earliest(freeAt, finished);
            long at = callableFrom(freeAt[i], state.callingPeriods());
            HallState.OpenCounter counter = counters.get(i);
            Optional<Ticket> chosen = at < 0 ? Optional.empty()
                    : policy.choose(counter.id(), lines.heads(counter.id(), counter.services()), streak[i],
                    Instant.ofEpochMilli(at), targetWait);
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
            freeAt[i] = at + meanServiceTime.apply(called.serviceId()).toMillis();
        }
        return calls;
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
