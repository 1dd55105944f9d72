package vn.luot.core.domain.board;

import java.time.Instant;
import java.util.Comparator;
import java.util.NavigableSet;
import java.util.TreeSet;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketNumbering;

/**
 * The tickets waiting for one service at one site, in the order citizens expect: priority tickets
 * first, then everyone by original issue time. (Which ticket a counter actually calls is decided by
 * {@link vn.luot.core.domain.calling.CallPolicy}; this order is what "people ahead of you" counts.)
 */
final class WaitingLine {
    private static final Comparator<Ticket> BY_ISSUE = Comparator.comparing(Ticket::queuedSince)
            .thenComparing(Ticket::number, TicketNumbering.READING_ORDER)
            .thenComparing(Ticket::id);

    private final NavigableSet<Ticket> priority = new TreeSet<>(BY_ISSUE);
    private final NavigableSet<Ticket> normal = new TreeSet<>(BY_ISSUE);

    void add(Ticket ticket) {
        lineOf(ticket).add(ticket);
    }

    void remove(Ticket ticket) {
        lineOf(ticket).remove(ticket);
    }

    int size() {
        return priority.size() + normal.size();
    }

    Instant oldestQueuedSince() {
        Instant p = priority.isEmpty() ? null : priority.first().queuedSince();
        Instant n = normal.isEmpty() ? null : normal.first().queuedSince();
        if (p == null) {
            return n;
        }
        return n == null || p.isBefore(n) ? p : n;
    }

    /** How many are ahead of the ticket, whether or not it is in the line yet. */
    int ahead(Ticket ticket) {
        NavigableSet<Ticket> own = lineOf(ticket);
        int aheadInOwnLine = countBefore(own, ticket);
        return ticket.isPriority() ? aheadInOwnLine : priority.size() + aheadInOwnLine;
    }

    /**
     * Counts from whichever end is nearer in time, so that both a new ticket (at the back) and one about
     * to be called (at the front) cost little even in a very long line.
     */
    private static int countBefore(NavigableSet<Ticket> line, Ticket ticket) {
        if (line.isEmpty()) {
            return 0;
        }
        long toFirst = Math.abs(ticket.queuedSince().toEpochMilli() - line.first().queuedSince().toEpochMilli());
        long toLast = Math.abs(line.last().queuedSince().toEpochMilli() - ticket.queuedSince().toEpochMilli());
        if (toFirst <= toLast) {
            return line.headSet(ticket, false).size();
        }
        return line.size() - line.tailSet(ticket, true).size();
    }

    private NavigableSet<Ticket> lineOf(Ticket ticket) {
        return ticket.isPriority() ? priority : normal;
    }
}
