package vn.luot.core.workstation;

import vn.luot.core.domain.booking.Booking;
import vn.luot.core.queue.TicketView;

/**
 * A ticket as staff see it: where it stands, and, for a booked ticket, the booking it came from
 * (the citizen's name and the procedure they noted). Never shown on public routes.
 *
 * @param booking null when the ticket was not a booking's
 */
public record TicketDetails(TicketView view, Booking booking) {
}
