package vn.luot.core.domain.booking;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import vn.luot.core.domain.catalogue.OpeningHours;

/**
 * The usual wait of a service at a site, per clock hour: the median of the past tickets' waits (from issue,
 * or check-in for a booking, to the first call) over the last {@code days} service days, by the hour of
 * issue in the centre's time zone. The median, because one very long afternoon must not make every hour
 * look slow. Fewer than {@code minimumTickets} tickets in an hour give no figure: the booking page then
 * says honestly that there is none yet, rather than a guess from two or three citizens.
 *
 * @param days           how many past service days (today not included) the figure rests on
 * @param minimumTickets the fewest tickets in an hour that give a figure
 */
public record UsualWaits(int days, int minimumTickets) {

    public UsualWaits {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, got " + days);
        }
        if (minimumTickets < 1) {
            throw new IllegalArgumentException("minimumTickets must be at least 1, got " + minimumTickets);
        }
    }

    /** One past ticket's wait, by the clock hour (0-23) of its issue. */
    public record PastWait(int hour, Duration waited) {
    }

    /** The usual wait in one hour: whole minutes, or null when fewer than the minimum tickets gave one. */
    public record HourWait(int hour, Integer usualWaitMinutes, int tickets) {
    }

    /** The first service day counted for {@code today}; the last one is the day before it. */
    public LocalDate firstDay(LocalDate today) {
        return today.minusDays(days);
    }

    /** The usual wait in each of {@code hours}, in their order, from the past waits (of any hour). */
    public List<HourWait> byHour(Collection<PastWait> waits, Collection<Integer> hours) {
        List<HourWait> answer = new ArrayList<>(hours.size());
        for (int hour : hours) {
            List<Duration> ofHour = waits.stream().filter(w -> w.hour() == hour).map(PastWait::waited)
                    .sorted().toList();
            Integer minutes = ofHour.size() < minimumTickets ? null : medianMinutes(ofHour);
            answer.add(new HourWait(hour, minutes, ofHour.size()));
        }
        return answer;
    }

    /** The median of sorted waits in whole minutes, half a minute rounded up; a negative wait (clock step) counts as none. */
    static int medianMinutes(List<Duration> sorted) {
        int n = sorted.size();
        long millis = n % 2 == 1 ? sorted.get(n / 2).toMillis()
                : (sorted.get(n / 2 - 1).toMillis() + sorted.get(n / 2).toMillis()) / 2;
        return (int) Math.max(0, Math.round(millis / 60_000.0));
    }

    /** The clock hours in which the site receives citizens on some day of the week: the hours worth a figure. */
    public static SortedSet<Integer> openHours(OpeningHours opening) {
        SortedSet<Integer> hours = new TreeSet<>();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            for (OpeningHours.Period p : opening.on(day)) {
                LocalTime last = p.closes().minusNanos(1);
                for (int h = p.opens().getHour(); h <= last.getHour() && p.opens().isBefore(p.closes()); h++) {
                    hours.add(h);
                }
            }
        }
        return hours;
    }
}
