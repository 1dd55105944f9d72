package vn.luot.core.live;

import java.util.HashSet;
import java.util.Set;
import vn.luot.core.domain.ticket.Ticket;

/** The phones following one ticket, and what they were last told (so unchanged news is not resent). */
final class TicketWatch {
    Ticket ticket;
    String lastMessage;
    final Set<Subscriber> watchers = new HashSet<>();

    TicketWatch(Ticket ticket) {
        this.ticket = ticket;
    }

    void update(Ticket newer) {
        if (newer.version() > ticket.version()) {
            ticket = newer;
        }
    }
}
