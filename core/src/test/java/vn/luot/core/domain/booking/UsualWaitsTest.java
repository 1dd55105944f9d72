package vn.luot.core.domain.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.domain.booking.UsualWaits.HourWait;
import vn.luot.core.domain.booking.UsualWaits.PastWait;
import vn.luot.core.domain.catalogue.OpeningHours;

@DisplayName("UsualWaits: the usual wait of a service at a site per clock hour, from past tickets")
class UsualWaitsTest {
    private final UsualWaits rule = new UsualWaits(28, 3);

    private static List<PastWait> waits(int hour, int... minutes) {
        List<PastWait> list = new ArrayList<>();
        for (int m : minutes) {
            list.add(new PastWait(hour, Duration.ofMinutes(m)));
        }
        return list;
    }

    @Test
    @DisplayName("The usual wait of an hour is the median of its tickets' waits, so one very long wait does not make the hour look slow")
    void medianOfTheHour() {
        List<PastWait> past = waits(8, 10, 12, 90, 11, 14);

        assertThat(rule.byHour(past, List.of(8))).containsExactly(new HourWait(8, 12, 5));
    }

    @Test
    @DisplayName("With an even number of tickets the median lies between the two middle waits, half a minute rounded up")
    void evenCount() {
        List<PastWait> past = waits(9, 10, 20, 11, 30);

        assertThat(rule.byHour(past, List.of(9))).containsExactly(new HourWait(9, 16, 4));
    }

    @Test
    @DisplayName("Each hour counts only the tickets issued in it, and every hour asked for is answered in order")
    void perHour() {
        List<PastWait> past = new ArrayList<>(waits(8, 5, 5, 5));
        past.addAll(waits(14, 40, 45, 50));

        assertThat(rule.byHour(past, List.of(8, 9, 14))).containsExactly(
                new HourWait(8, 5, 3), new HourWait(9, null, 0), new HourWait(14, 45, 3));
    }

    @Test
    @DisplayName("An hour with fewer tickets than the minimum gives no figure, only how many tickets there were")
    void tooFewTickets() {
        assertThat(rule.byHour(waits(10, 20, 25), List.of(10))).containsExactly(new HourWait(10, null, 2));
    }

    @Test
    @DisplayName("A negative wait (a clock set back) counts as no wait rather than below zero")
    void negativeWait() {
        List<PastWait> past = List.of(new PastWait(7, Duration.ofMinutes(-3)), new PastWait(7, Duration.ofMinutes(-2)),
                new PastWait(7, Duration.ofMinutes(-1)));

        assertThat(rule.byHour(past, List.of(7))).containsExactly(new HourWait(7, 0, 3));
    }

    @Test
    @DisplayName("The figure rests on the configured number of days before today, today not included")
    void days() {
        assertThat(rule.firstDay(LocalDate.of(2026, 12, 2))).isEqualTo(LocalDate.of(2026, 11, 4));
    }

    @Test
    @DisplayName("The hours worth a figure are the clock hours in which the site receives citizens on some day")
    void openHours() {
        OpeningHours opening = new OpeningHours(Map.of(
                DayOfWeek.MONDAY, List.of(new OpeningHours.Period(LocalTime.of(7, 30), LocalTime.of(11, 30)),
                        new OpeningHours.Period(LocalTime.of(13, 30), LocalTime.of(17, 0))),
                DayOfWeek.SATURDAY, List.of(new OpeningHours.Period(LocalTime.of(7, 30), LocalTime.of(11, 0)))));

        assertThat(UsualWaits.openHours(opening)).containsExactly(7, 8, 9, 10, 11, 13, 14, 15, 16);
    }

    @Test
    @DisplayName("A rule with no days or no minimum is refused")
    void invalid() {
        assertThatThrownBy(() -> new UsualWaits(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UsualWaits(28, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
