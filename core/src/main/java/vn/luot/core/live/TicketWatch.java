package vn.luot.core.live;

import java.util.HashSet;
import java.util.Set;
import vn.luot.core.domain.board.Standing;
import vn.luot.core.domain.ticket.Ticket;

/**
 * The phones following one ticket, and what they were last told (so unchanged news is not resent). The
 * message is made of the ticket and its standing only, so the ticket's version and the standing tell
 * whether there is news without building the message.
 */
final class TicketWatch {
    Ticket ticket;
    private long toldVersion = -1;
    private Standing toldStanding;
    final Set<Subscriber> watchers = new HashSet<>();

    TicketWatch(Ticket ticket) {
        this.ticket = ticket;
    }

    boolean isNews(Standing standing) {
        return ticket.version() != toldVersion || !standing.equals(toldStanding);
    }

    void told(Standing standing) {
        toldVersion = ticket.version();
        toldStanding = standing;
    }

    void update(Ticket newer) {
        if (newer.version() > ticket.version()) {
            ticket = newer;
        }
    }
}
