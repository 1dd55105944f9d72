package vn.luot.core.domain.calling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketNumbering;

/**
 * <b>The call policy: which waiting ticket a counter calls next.</b> This class is the only place
 * where that order is decided; the store only hands it the candidates.
 *
 * <p>The candidates are the heads of the lines the counter may call from: for each of its services,
 * the oldest priority ticket and the oldest normal ticket at its site, the booked ticket whose slot
 * comes first among those due (see {@link BookedWindow}), plus the oldest ticket that staff
 * transferred to this very counter. The rules, in order:
 *
 * <ol>
 *   <li><b>Sent here on purpose.</b> A ticket transferred to this counter comes first.</li>
 *   <li><b>Priority first, but no starvation.</b> Priority tickets (the elderly, people with
 *       disabilities, pregnant women, people carrying a small child, people with meritorious service)
 *       go before normal ones. But once some normal ticket has waited past its service's target, the
 *       counter makes no more than {@code maxPriorityCallsInRow} priority calls in a row ahead of it:
 *       after that many, the normal ticket is called.</li>
 *   <li><b>Booked citizens at their time.</b> A booked ticket is <i>due</i> from {@code early} before
 *       its slot (10 minutes by default) when it was checked in no later than {@code late} after the
 *       slot's start (10 minutes by default). A due booked ticket goes ahead of the walk-ins of its own
 *       service: it takes the place of that service's oldest normal ticket, and its service competes
 *       with the others as before (by the larger of the two waits, the booked one counted from its slot).
 *       Among due booked tickets of a service, the earlier slot first. Booked tickets are in the normal
 *       class: priority tickets still go first, under the same limit once a normal ticket is overdue.
 *       A booked ticket not due (early, or checked in after its window) waits like a walk-in, by its
 *       check-in time.</li>
 *   <li><b>Fair across services.</b> Among tickets of the same class, the one whose wait is largest
 *       relative to its service's target wait goes first: 12 minutes against a 15-minute target (0.8)
 *       before 15 minutes against a 20-minute target (0.75). Ties go to the earlier ticket, then to the
 *       lower number.</li>
 * </ol>
 */
public final class CallPolicy {
    private final int maxPriorityCallsInRow;
    private final BookedWindow bookedWindow;

    /** With the default booked window (10 minutes early to 10 minutes late). */
    public CallPolicy(int maxPriorityCallsInRow) {
        this(maxPriorityCallsInRow, BookedWindow.DEFAULT);
    }

    public CallPolicy(int maxPriorityCallsInRow, BookedWindow bookedWindow) {
        if (maxPriorityCallsInRow < 0) {
            throw new IllegalArgumentException("maxPriorityCallsInRow must not be negative");
        }
        this.maxPriorityCallsInRow = maxPriorityCallsInRow;
        this.bookedWindow = java.util.Objects.requireNonNull(bookedWindow, "bookedWindow");
    }

    public BookedWindow bookedWindow() {
        return bookedWindow;
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
        Optional<ServiceTurn> bestNormalTurn = normalTurns(open, now, targetWait).stream()
                .min(Comparator.comparingDouble((ServiceTurn turn) -> -turn.ratio())
                        .thenComparing(turn -> turn.ticket().queuedSince())
                        .thenComparing(turn -> turn.ticket().number(), TicketNumbering.READING_ORDER));
        Optional<Ticket> bestNormal = bestNormalTurn.map(ServiceTurn::ticket);
        if (bestPriority.isEmpty()) {
            return bestNormal;
        }
        boolean normalOverdue = bestNormalTurn.isPresent() && bestNormalTurn.get().ratio() > 1.0;
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

    /** The ticket a service's normal line calls next, and how overdue that service is. */
    private record ServiceTurn(Ticket ticket, double ratio) {
    }

    /**
     * For each service with normal candidates: its due booked ticket with the earliest slot if there is
     * one, else its oldest walk-in; the service's ratio is the larger of the two waits' ratios.
     */
    private List<ServiceTurn> normalTurns(List<Ticket> open, Instant now, Function<String, Duration> targetWait) {
        Map<String, List<Ticket>> byService = new LinkedHashMap<>();
        open.stream().filter(t -> !t.isPriority()).forEach(t ->
                byService.computeIfAbsent(t.serviceId(), s -> new ArrayList<>()).add(t));
        List<ServiceTurn> turns = new ArrayList<>();
        byService.forEach((service, tickets) -> {
            Optional<Ticket> booked = tickets.stream().filter(t -> bookedWindow.isDue(t, now))
                    .min(Comparator.comparing(Ticket::slotStart).thenComparing(Ticket::queuedSince)
                            .thenComparing(Ticket::number, TicketNumbering.READING_ORDER));
            Optional<Ticket> walkIn = tickets.stream().filter(t -> !bookedWindow.isDue(t, now))
                    .min(Comparator.comparing(Ticket::queuedSince)
                            .thenComparing(Ticket::number, TicketNumbering.READING_ORDER));
            double walkInRatio = walkIn.map(t -> waitRatio(t, now, targetWait)).orElse(0.0);
            if (booked.isPresent()) {
                Ticket b = booked.get();
                Instant since = b.slotStart().isAfter(b.queuedSince()) ? b.slotStart() : b.queuedSince();
                double bookedRatio = Math.max(0, Duration.between(since, now).toMillis())
                        / (double) Math.max(1, targetWait.apply(service).toMillis());
                turns.add(new ServiceTurn(b, Math.max(walkInRatio, bookedRatio)));
            } else {
                turns.add(new ServiceTurn(walkIn.orElseThrow(), walkInRatio));
            }
        });
        return turns;
    }

    /** Wait so far divided by the service's target wait: 1.0 means the ticket has just reached its target. */
    static double waitRatio(Ticket ticket, Instant now, Function<String, Duration> targetWait) {
        double target = Math.max(1, targetWait.apply(ticket.serviceId()).toMillis());
        return ticket.waitedUntil(now).toMillis() / target;
    }
}
