package vn.luot.core.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.catalogue.OpeningHours;
import vn.luot.core.domain.catalogue.SiteDefinition;

@DisplayName("IssuingHours: when a site gives out numbers")
class IssuingHoursTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final List<OpeningHours.Period> DAY = List.of(
            new OpeningHours.Period(LocalTime.of(7, 0), LocalTime.of(11, 30)),
            new OpeningHours.Period(LocalTime.of(13, 30), LocalTime.of(17, 0)));
    private static final OpeningHours HOURS = new OpeningHours(Map.of(
            DayOfWeek.MONDAY, DAY, DayOfWeek.TUESDAY, DAY, DayOfWeek.WEDNESDAY, DAY, DayOfWeek.THURSDAY, DAY,
            DayOfWeek.FRIDAY, DAY, DayOfWeek.SATURDAY, List.of(new OpeningHours.Period(LocalTime.of(7, 30), LocalTime.of(11, 30)))));
    private static final IssuingHours RULE = new IssuingHours(Duration.ofMinutes(30), true);
    private static final SiteDefinition SITE = new SiteDefinition("hac-thanh", new LocalizedText("Hạc Thành", "Hac Thanh"),
            List.of("chung-thuc"), HOURS, List.of());

    /** Thursday 26 November 2026 at the given time, in Thanh Hóa. */
    private static ZonedDateTime thursday(int hour, int minute) {
        return ZonedDateTime.of(2026, 11, 26, hour, minute, 0, 0, ZONE);
    }

    @Test
    @DisplayName("At 01:37 nothing is issued: the site opens at 07:00 and gives numbers from 06:30")
    void closedAtNight() {
        IssuingHours.Window w = RULE.at(HOURS, thursday(1, 37));

        assertThat(w.open()).isFalse();
        assertThat(w.opensAt()).isEqualTo(thursday(7, 0));
        assertThat(w.issuingFrom()).isEqualTo(thursday(6, 30));
    }

    @Test
    @DisplayName("Early arrivals get numbers from 30 minutes before opening, and until the period closes")
    void earlyWindowAndClosing() {
        assertThat(RULE.at(HOURS, thursday(6, 29)).open()).isFalse();
        assertThat(RULE.at(HOURS, thursday(6, 30)).open()).isTrue();
        assertThat(RULE.at(HOURS, thursday(6, 30)).closesAt()).isEqualTo(thursday(11, 30));
        assertThat(RULE.at(HOURS, thursday(11, 29)).open()).isTrue();
        assertThat(RULE.at(HOURS, thursday(11, 30)).open()).isFalse();
        assertThat(RULE.at(HOURS, thursday(11, 30)).opensAt()).isEqualTo(thursday(13, 30));
        assertThat(RULE.at(HOURS, thursday(13, 0)).open()).isTrue();
    }

    @Test
    @DisplayName("After Saturday's closing the next opening is Monday 07:00, past the closed Sunday")
    void skipsClosedDays() {
        ZonedDateTime saturdayNoon = ZonedDateTime.of(2026, 11, 28, 12, 0, 0, 0, ZONE);

        IssuingHours.Window w = RULE.at(HOURS, saturdayNoon);

        assertThat(w.open()).isFalse();
        assertThat(w.opensAt()).isEqualTo(ZonedDateTime.of(2026, 11, 30, 7, 0, 0, 0, ZONE));
    }

    @Test
    @DisplayName("Outside hours the public is refused with when the site opens; staff at the desk only on a manager's say")
    void whoMayIssueOutsideHours() {
        ZonedDateTime night = thursday(19, 0);

        assertThatThrownBy(() -> RULE.requireOpen(SITE, night, false, true))
                .isInstanceOfSatisfying(QueueException.class, e -> assertThat(e.problem()).isEqualTo(Problem.OUTSIDE_OPENING_HOURS));
        assertThatThrownBy(() -> RULE.requireOpen(SITE, night, true, false)).isInstanceOf(QueueException.class);
        RULE.requireOpen(SITE, night, true, true);   // allowed: no exception
    }

    @Test
    @DisplayName("Not enforced (a demonstration, a benchmark), numbers are given at any hour")
    void notEnforced() {
        assertThat(new IssuingHours(Duration.ZERO, false).at(HOURS, thursday(1, 37)).open()).isTrue();
    }
}
