package vn.luot.core.domain.calling;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketNumbering;

/**
 * <b>The call policy: which waiting ticket a counter calls next.</b> This class is the only place
 * where that order is decided; the store only hands it the candidates.
 *
 * <p>The candidates are the heads of the lines the counter may call from: for each of its services,
 * the oldest priority ticket and the oldest normal ticket at its site, plus the oldest ticket that
 * staff transferred to this very counter. The rules, in order:
 *
 * <ol>
 *   <li><b>Sent here on purpose.</b> A ticket transferred to this counter comes first.</li>
 *   <li><b>Priority first, but no starvation.</b> Priority tickets (the elderly, people with
 *       disabilities, pregnant women, people carrying a small child, people with meritorious service)
 *       go before normal ones. But once some normal ticket has waited past its service's target, the
 *       counter makes no more than {@code maxPriorityCallsInRow} priority calls in a row ahead of it:
 *       after that many, the normal ticket is called.</li>
 *   <li><b>Fair across services.</b> Among tickets of the same class, the one whose wait is largest
 *       relative to its service's target wait goes first: 12 minutes against a 15-minute target (0.8)
 *       before 15 minutes against a 20-minute target (0.75). Ties go to the earlier ticket, then to the
 *       lower number.</li>
 * </ol>
 */
public final class CallPolicy {
    private final int maxPriorityCallsInRow;

    public CallPolicy(int maxPriorityCallsInRow) {
        if (maxPriorityCallsInRow < 0) {
            throw new IllegalArgumentException("maxPriorityCallsInRow must not be negative");
        }
        this.maxPriorityCallsInRow = maxPriorityCallsInRow;
    }

    /**
     * @param counterId      the counter about to call
     * @param candidates     waiting tickets it may call (heads of its lines)
     * @param priorityStreak how many priority tickets this counter called in a row just before
     * @param targetWait     each service's target wait
     * @return the ticket to call, or empty when there is none
     */
    public Optional<Ticket> choose(int counterId, List<Ticket> candidates, int priorityStreak, Instant now,
                                   Function<String, Duration> targetWait) {
        Comparator<Ticket> mostOverdueFirst = Comparator
                .comparingDouble((Ticket t) -> -waitRatio(t, now, targetWait))
                .thenComparing(Ticket::queuedSince)
                .thenComparing(Ticket::number, TicketNumbering.READING_ORDER);

        Optional<Ticket> sentHere = candidates.stream()
                .filter(t -> t.assignedCounterId() != null && t.assignedCounterId() == counterId)
                .min(Comparator.comparing(Ticket::queuedSince).thenComparing(Ticket::number, TicketNumbering.READING_ORDER));
        if (sentHere.isPresent()) {
            return sentHere;
        }

        List<Ticket> open = candidates.stream().filter(t -> t.assignedCounterId() == null).toList();
        Optional<Ticket> bestPriority = open.stream().filter(Ticket::isPriority).min(mostOverdueFirst);
        Optional<Ticket> bestNormal = open.stream().filter(t -> !t.isPriority()).min(mostOverdueFirst);
        if (bestPriority.isEmpty()) {
            return bestNormal;
        }
        boolean normalOverdue = bestNormal.isPresent() && waitRatio(bestNormal.get(), now, targetWait) > 1.0;
        if (normalOverdue && priorityStreak >= maxPriorityCallsInRow) {
            return bestNormal;
        }
        return bestPriority;
    }

    /**
     * The counter's priority streak once it has called this ticket: one more after a priority ticket,
     * none after a normal one. The counter's state machine and the simulations keep it by this one rule.
     */
    public static int streakAfter(int priorityStreak, Ticket called) {
        return called.isPriority() ? priorityStreak + 1 : 0;
    }

    /** Wait so far divided by the service's target wait: 1.0 means the ticket has just reached its target. */
    static double waitRatio(Ticket ticket, Instant now, Function<String, Duration> targetWait) {
        double target = Math.max(1, targetWait.apply(ticket.serviceId()).toMillis());
        return ticket.waitedUntil(now).toMillis() / target;
    }
}
