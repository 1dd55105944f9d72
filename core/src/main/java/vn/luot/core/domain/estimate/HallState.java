package vn.luot.core.domain.estimate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import vn.luot.core.domain.catalogue.OpeningHours;
import vn.luot.core.domain.ticket.Ticket;

/**
 * What the estimator needs to know about one hall at one moment: who waits (with priority, service,
 * counter it was sent to), which counters are open, what each serves and since when it deals with its
 * current ticket, and when the site calls today (opening hours with the lunch break; the last period's
 * end is when the open counters close).
 *
 * @param callingPeriods today's opening periods as instants, in order
 */
public record HallState(Instant now, List<CallingPeriod> callingPeriods, List<OpenCounter> counters,
                        List<Ticket> waiting) {

    public HallState {
        callingPeriods = List.copyOf(callingPeriods);
        counters = List.copyOf(counters);
        waiting = List.copyOf(waiting);
    }

    /** One stretch of the day when counters call, such as 07:00–11:30. */
    public record CallingPeriod(Instant opens, Instant closes) {
    }

    /**
     * An open counter.
     *
     * @param busyWith  the service of the ticket it is calling or serving now, or null when it is free
     * @param busySince when that ticket was called (the time it has run so far counts against its service time)
     */
    public record OpenCounter(int id, List<String> services, int priorityStreak, String busyWith, Instant busySince) {
        public OpenCounter {
            services = List.copyOf(services);
        }

        public static OpenCounter free(int id, List<String> services, int priorityStreak) {
            return new OpenCounter(id, services, priorityStreak, null, null);
        }
    }

    /** Today's opening hours of a site as calling periods. */
    public static List<CallingPeriod> periodsOn(OpeningHours hours, LocalDate day, ZoneId zone) {
        List<CallingPeriod> periods = new ArrayList<>();
        for (OpeningHours.Period p : hours.on(day.getDayOfWeek())) {
            periods.add(new CallingPeriod(day.atTime(p.opens()).atZone(zone).toInstant(),
                    day.atTime(p.closes()).atZone(zone).toInstant()));
        }
        return periods;
    }

    /** A state at {@code now} with one more ticket waiting (a ticket about to be issued). */
    public HallState with(Ticket extra) {
        List<Ticket> more = new ArrayList<>(waiting.size() + 1);
        more.addAll(waiting);
        more.add(extra);
        return new HallState(now, callingPeriods, counters, more);
    }
}
