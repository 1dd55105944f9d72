package vn.luot.core.workstation;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import vn.luot.core.booking.BookingService;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.counter.CounterDay;
import vn.luot.core.domain.ticket.ServiceDay;
import vn.luot.core.domain.ticket.TicketNumberInput;
import vn.luot.core.queue.QueueService;
import vn.luot.core.store.QueueStore;
import vn.luot.core.store.ReportStore;

/** What the counter workstation and the guidance desk look up: ticket details, a number, a counter's day. */
public final class StaffLookup {
    private final QueueService queue;
    private final QueueStore tickets;
    private final ReportStore reports;
    private final BookingService bookings;
    private final ZoneId zone;
    private final Clock clock;

    public StaffLookup(QueueService queue, QueueStore tickets, ReportStore reports, BookingService bookings,
                       ZoneId zone, Clock clock) {
        this.queue = queue;
        this.tickets = tickets;
        this.reports = reports;
        this.bookings = bookings;
        this.zone = zone;
        this.clock = clock;
    }

    /** A ticket with where it stands and, for a booked ticket, its booking. */
    public Future<TicketDetails> details(UUID ticketId) {
        return queue.ticket(ticketId).compose(view -> bookings.forTicket(ticketId)
                .map(booking -> new TicketDetails(view, booking.orElse(null))));
    }

    /** Today's ticket with the number as staff typed it ({@code a17} is {@code A017}). */
    public Future<TicketDetails> byNumber(String typed) {
        String number = TicketNumberInput.parse(typed)
                .orElseThrow(() -> new QueueException(Problem.INVALID_FIELD, "number", FieldRule.TICKET_NUMBER));
        return tickets.ticketByNumber(today(), number)
                .compose(found -> details(found
                        .orElseThrow(() -> new QueueException(Problem.TICKET_NOT_FOUND, number)).id()));
    }

    /** What the counter finished today, in the centre's day (midnight to midnight, Asia/Ho_Chi_Minh). */
    public Future<CounterDay> counterToday(int counterId) {
        LocalDate today = today();
        Instant from = today.atStartOfDay(zone).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
        return queue.counter(counterId)
                .compose(counter -> reports.finishedAt(counterId, from, to))
                .map(CounterDay::of);
    }

    public LocalDate today() {
        return ServiceDay.of(clock.instant(), zone);
    }
}
