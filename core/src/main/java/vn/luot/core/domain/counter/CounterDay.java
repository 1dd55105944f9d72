package vn.luot.core.domain.counter;

import java.time.Duration;
import java.util.Collection;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketStatus;

/**
 * A counter's work so far today, as its workstation shows it: the tickets it completed, their mean
 * service time (from the start of service, or from the call when staff never pressed start, to the
 * end: {@link Ticket#serviceTime()}), and the no-shows.
 *
 * @param averageServiceTime null before the first completed ticket
 */
public record CounterDay(int served, Duration averageServiceTime, int noShows) {

    /** @param finished the tickets this counter finished today */
    public static CounterDay of(Collection<Ticket> finished) {
        int served = 0;
        int noShows = 0;
        Duration total = Duration.ZERO;
        for (Ticket ticket : finished) {
            if (ticket.status() == TicketStatus.COMPLETED) {
                served++;
                total = total.plus(ticket.serviceTime());
            } else if (ticket.status() == TicketStatus.NO_SHOW) {
                noShows++;
            }
        }
        return new CounterDay(served, served == 0 ? null : total.dividedBy(served), noShows);
    }
}
