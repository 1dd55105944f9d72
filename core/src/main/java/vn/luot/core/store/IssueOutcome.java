package vn.luot.core.store;

import vn.luot.core.domain.ticket.Ticket;

/** A ticket the store holds, and whether this request created it or found it by its idempotency key. */
public record IssueOutcome(Ticket ticket, boolean replayed) {
}
