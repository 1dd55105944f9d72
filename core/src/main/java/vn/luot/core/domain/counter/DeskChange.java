package vn.luot.core.domain.counter;

import vn.luot.core.domain.event.EventType;
import vn.luot.core.domain.ticket.Ticket;

/**
 * What one staff action changed: the counter, at most one ticket, and the event to announce.
 *
 * @param ticket         the ticket after the action, or null for counter-only actions
 * @param previousSiteId the ticket's site before a transfer to the other site, else null
 * @param replayed       true when an idempotent retry returned the original outcome and changed nothing
 */
public record DeskChange(EventType event, Counter counter, Ticket ticket, String previousSiteId, boolean replayed) {

    public DeskChange(EventType event, Counter counter, Ticket ticket) {
        this(event, counter, ticket, null, false);
    }

    public DeskChange asReplay() {
        return new DeskChange(event, counter, ticket, previousSiteId, true);
    }
}
