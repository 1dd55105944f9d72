package vn.luot.core.domain.event;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import vn.luot.core.domain.counter.Counter;
import vn.luot.core.domain.counter.DeskChange;
import vn.luot.core.domain.ticket.Ticket;

/**
 * A change that has been committed to the store, with the states it left behind. Events carry whole
 * states, not deltas, so that a projection can apply them idempotently and skip stale ones by version.
 *
 * @param ticket         the ticket after the change, or null for counter-only events
 * @param counter        the counter after the change, or null when no counter was involved
 * @param previousSiteId the site a transferred ticket left, when it moved to the other site
 */
public record QueueEvent(EventType type, Instant at, Ticket ticket, Counter counter, String previousSiteId) {

    public QueueEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        if (ticket == null && counter == null) {
            throw new IllegalArgumentException("an event needs a ticket or a counter");
        }
    }

    public static QueueEvent of(DeskChange change, Instant at) {
        return new QueueEvent(change.event(), at, change.ticket(), change.counter(), change.previousSiteId());
    }

    public static QueueEvent ofTicket(EventType type, Ticket ticket, Instant at) {
        return new QueueEvent(type, at, ticket, null, null);
    }

    /** Every site whose hall sees this event: a transfer between sites is news in both. */
    public Set<String> siteIds() {
        Set<String> sites = new LinkedHashSet<>();
        if (previousSiteId != null) {
            sites.add(previousSiteId);
        }
        if (ticket != null) {
            sites.add(ticket.siteId());
        }
        if (counter != null) {
            sites.add(counter.siteId());
        }
        return sites;
    }
}
