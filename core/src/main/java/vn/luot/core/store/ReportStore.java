package vn.luot.core.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import vn.luot.core.domain.report.CounterEvent;
import vn.luot.core.domain.report.ReportQuery;
import vn.luot.core.domain.report.ReportTicket;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.store.impl.PgReportStore;

/**
 * Read-only questions about work done: the workstation's figures and the managers' reports. The report
 * reads stream rows through a cursor, a batch at a time, so a year of tickets never sits in memory.
 */
public interface ReportStore {

    static ReportStore create(Pool pool) {
        return new PgReportStore(pool);
    }

    /** The tickets the counter completed or marked as no-show between {@code from} (inclusive) and {@code to}. */
    Future<List<Ticket>> finishedAt(int counterId, Instant from, Instant to);

    /** Every ticket of the query's service days (and site and service, when given), in issue order. */
    Future<Void> tickets(ReportQuery query, ZoneId zone, Consumer<ReportTicket> each);

    /**
     * The counters' history lines between {@code from} and {@code to} (of the site, when given), in time
     * order per counter.
     */
    Future<Void> counterEvents(Instant from, Instant to, String siteId, Consumer<CounterEvent> each);

    /** How many tickets {@link #tickets} would give: the total that an export's progress counts towards. */
    Future<Long> countTickets(ReportQuery query);

    /**
     * The same tickets as {@link #tickets}, a batch at a time on request, for an export that writes each
     * batch (on a worker) before it asks for the next: the database never runs ahead of the file.
     */
    Future<TicketCursor> openTickets(ReportQuery query, ZoneId zone);

    /**
     * The waits (issue or check-in to the first call) of the service's tickets at the site, by clock hour of
     * issue in {@code zone}, on service days {@code from} to {@code to} inclusive: no personal data, only
     * hours and durations. The tickets never called (left, no call yet) have no wait and are left out.
     */
    Future<List<vn.luot.core.domain.booking.UsualWaits.PastWait>> waitsUntilFirstCall(String siteId, String serviceId,
            java.time.LocalDate from, java.time.LocalDate to, ZoneId zone);

    /** A read in progress; {@link #close()} it in every case. */
    interface TicketCursor {
        /** The next batch, or an empty list at the end. */
        Future<List<ReportTicket>> next();

        Future<Void> close();
    }
}
