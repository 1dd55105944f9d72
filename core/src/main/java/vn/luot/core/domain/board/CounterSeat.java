package vn.luot.core.domain.board;

import vn.luot.core.domain.counter.Counter;
import vn.luot.core.domain.ticket.Ticket;

/** A counter as a hall display sees it: its state and the ticket it is calling or serving, if any. */
public record CounterSeat(Counter counter, Ticket current) {
}
