package vn.luot.core.store;

import vn.luot.core.domain.ticket.Ticket;

/** A ticket after a change, and whether anything was actually changed (a repeated cancel changes nothing). */
public record TicketChange(Ticket ticket, boolean changed) {
}
