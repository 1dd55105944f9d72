package vn.luot.core.queue;

import vn.luot.core.domain.board.Standing;
import vn.luot.core.domain.ticket.Ticket;

/**
 * A ticket with where it stands now.
 *
 * @param replayed true when an idempotent retry found the ticket made by the first request
 */
public record TicketView(Ticket ticket, Standing standing, boolean replayed) {
}
