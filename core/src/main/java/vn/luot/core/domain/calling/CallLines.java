package vn.luot.core.domain.calling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketNumbering;

/**
 * The waiting tickets of one site, held in memory the way the store hands them to the {@link CallPolicy}:
 * for each service a priority line and a normal line, oldest first, and the tickets sent to one counter.
 * {@link #heads} gives a counter the same candidates the store's query does (the oldest priority and
 * oldest normal ticket of each of its services, plus the oldest sent to it), so the estimator and the day
 * simulator ask the one call policy exactly what the server asks it.
 *
 * <p>Not thread-safe; each estimate or simulated day has its own.
 */
public final class CallLines {
    /** The store's order: original issue time, then the number as read (A002 before A010). */
    public static final Comparator<Ticket> OLDEST_FIRST = Comparator.comparing(Ticket::queuedSince)
            .thenComparing(Ticket::number, TicketNumbering.READING_ORDER)
            .thenComparing(Ticket::id);

    private final Map<String, NavigableSet<Ticket>> priority = new HashMap<>();
    private final Map<String, NavigableSet<Ticket>> normal = new HashMap<>();
    private final Map<Integer, NavigableSet<Ticket>> sentToCounter = new HashMap<>();
    private int size;

    public CallLines() {
    }

    public CallLines(Collection<Ticket> waiting) {
        waiting.forEach(this::add);
    }

    /**
     * A copy to play with: each line is copied from its sorted self, which takes no comparison (a
     * long hall's lines are copied in linear time, where building them from the tickets costs a sort).
     */
    public CallLines copy() {
        CallLines copy = new CallLines();
        priority.forEach((service, line) -> copy.priority.put(service, new TreeSet<>(line)));
        normal.forEach((service, line) -> copy.normal.put(service, new TreeSet<>(line)));
        sentToCounter.forEach((counter, line) -> copy.sentToCounter.put(counter, new TreeSet<>(line)));
        copy.size = size;
        return copy;
    }

    public void add(Ticket ticket) {
        if (lineOf(ticket).add(ticket)) {
            size++;
        }
    }

    public boolean remove(Ticket ticket) {
        boolean removed = lineOf(ticket).remove(ticket);
        if (removed) {
            size--;
        }
        return removed;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** How many wait for the service (not counting those sent to one counter). */
    public int waitingFor(String serviceId) {
        return sizeOf(priority.get(serviceId)) + sizeOf(normal.get(serviceId));
    }

    /** Whether the line this ticket would join (its service and class, or its counter) has nobody in it. */
    public boolean lineEmptyFor(Ticket ticket) {
        NavigableSet<Ticket> line;
        if (ticket.assignedCounterId() != null) {
            line = sentToCounter.get(ticket.assignedCounterId());
        } else {
            line = (ticket.isPriority() ? priority : normal).get(ticket.serviceId());
        }
        return line == null || line.isEmpty();
    }

    /** The candidates a counter serving these services may call now, as the store would hand them over. */
    public List<Ticket> heads(int counterId, Collection<String> services) {
        List<Ticket> heads = new ArrayList<>(2 * services.size() + 1);
        for (String service : services) {
            addFirst(heads, priority.get(service));
            addFirst(heads, normal.get(service));
        }
        addFirst(heads, sentToCounter.get(counterId));
        return heads;
    }

    private NavigableSet<Ticket> lineOf(Ticket ticket) {
        if (ticket.assignedCounterId() != null) {
            return sentToCounter.computeIfAbsent(ticket.assignedCounterId(), id -> new TreeSet<>(OLDEST_FIRST));
        }
        Map<String, NavigableSet<Ticket>> lines = ticket.isPriority() ? priority : normal;
        return lines.computeIfAbsent(ticket.serviceId(), id -> new TreeSet<>(OLDEST_FIRST));
    }

    private static void addFirst(List<Ticket> heads, NavigableSet<Ticket> line) {
        if (line != null && !line.isEmpty()) {
            heads.add(line.first());
        }
    }

    private static int sizeOf(NavigableSet<Ticket> line) {
        return line == null ? 0 : line.size();
    }
}
