package vn.luot.core.domain.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.catalogue.OpeningHours;
import vn.luot.core.domain.catalogue.SiteDefinition;

@DisplayName("SlotCalendar: slots from opening hours, places per service and site, holidays and booking windows")
class SlotCalendarTest {
    private static final ZoneId CENTRE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final List<OpeningHours.Period> WEEKDAY = List.of(
            new OpeningHours.Period(LocalTime.of(7, 0), LocalTime.of(11, 30)),
            new OpeningHours.Period(LocalTime.of(13, 30), LocalTime.of(17, 0)));
    private static final SiteDefinition SITE = new SiteDefinition("hac-thanh", new LocalizedText("Hạc Thành", "Hac Thanh"),
            List.of("chung-thuc", "dat-dai"), new OpeningHours(Map.of(
                    DayOfWeek.THURSDAY, WEEKDAY, DayOfWeek.FRIDAY, WEEKDAY, DayOfWeek.MONDAY, WEEKDAY,
                    DayOfWeek.SATURDAY, List.of(new OpeningHours.Period(LocalTime.of(7, 30), LocalTime.of(11, 30))))),
            List.of());
    /** 1 January 2027 (a Friday) is a public holiday. */
    private static final LocalDate NEW_YEAR = LocalDate.of(2027, 1, 1);
    private static final SlotCalendar CALENDAR = new SlotCalendar(new SlotSettings(Duration.ofMinutes(15), 14,
            Duration.ofMinutes(10), Set.of(NEW_YEAR), new SlotSettings.Places(2, Map.of("hac-thanh", Map.of("dat-dai", 1)))),
            CENTRE);
    /** Thursday 26 November 2026, 08:30. */
    private static final Instant NOW = local(2026, 11, 26, 8, 30);

    private static Instant local(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, CENTRE).toInstant();
    }

    @Test
    @DisplayName("A weekday has 15-minute slots from each opening to each closing: 18 in the morning, 14 after noon")
    void slotsFollowOpeningHours() {
        List<Slot> slots = CALENDAR.slotsOn(SITE, "chung-thuc", LocalDate.of(2026, 11, 27));

        assertThat(slots).hasSize(18 + 14);
        assertThat(slots.get(0).start()).isEqualTo(local(2026, 11, 27, 7, 0));
        assertThat(slots.get(17).start()).isEqualTo(local(2026, 11, 27, 11, 15));
        assertThat(slots.get(17).end()).isEqualTo(local(2026, 11, 27, 11, 30));
        assertThat(slots.get(18).start()).isEqualTo(local(2026, 11, 27, 13, 30));
        assertThat(slots.get(31).end()).isEqualTo(local(2026, 11, 27, 17, 0));
    }

    @Test
    @DisplayName("Slots that would run past the closing are left out (20-minute slots in 07:30-11:30 on Saturday)")
    void noSlotPastClosing() {
        SlotCalendar twenty = new SlotCalendar(new SlotSettings(Duration.ofMinutes(25), 14, Duration.ZERO, Set.of(),
                new SlotSettings.Places(1, Map.of())), CENTRE);

        List<Slot> slots = twenty.slotsOn(SITE, "chung-thuc", LocalDate.of(2026, 11, 28));

        assertThat(slots).hasSize(9);
        assertThat(slots.get(8).end()).isBeforeOrEqualTo(local(2026, 11, 28, 11, 30));
    }

    @Test
    @DisplayName("Places per slot are configured per service and site, with a default for the others")
    void placesPerServiceAndSite() {
        assertThat(CALENDAR.slotsOn(SITE, "dat-dai", LocalDate.of(2026, 11, 27))).allMatch(s -> s.places() == 1);
        assertThat(CALENDAR.slotsOn(SITE, "chung-thuc", LocalDate.of(2026, 11, 27))).allMatch(s -> s.places() == 2);
    }

    @Test
    @DisplayName("Public holidays and days the site is closed have no slots")
    void closedDaysHaveNoSlots() {
        assertThat(CALENDAR.slotsOn(SITE, "chung-thuc", NEW_YEAR)).isEmpty();
        assertThat(CALENDAR.slotsOn(SITE, "chung-thuc", LocalDate.of(2026, 11, 29))).as("a Sunday").isEmpty();
        assertThatThrownBy(() -> CALENDAR.requireBookable(SITE, "chung-thuc", local(2027, 1, 1, 9, 0),
                local(2026, 12, 28, 9, 0)))
                .isInstanceOfSatisfying(QueueException.class, e -> assertThat(e.problem()).isEqualTo(Problem.SLOT_ON_CLOSED_DAY));
    }

    @Test
    @DisplayName("Bookable slots start more than 10 minutes from now and end 14 days ahead")
    void bookableWindow() {
        List<Slot> slots = CALENDAR.bookable(SITE, "chung-thuc", LocalDate.of(2026, 11, 1), LocalDate.of(2027, 1, 31), NOW);

        assertThat(slots.get(0).start()).as("08:30 + 10 min is closed, 08:45 is open")
                .isEqualTo(local(2026, 11, 26, 8, 45));
        assertThat(slots.get(slots.size() - 1).start()).as("the 14th day after Thursday 26 is Thursday 10 December")
                .isEqualTo(local(2026, 12, 10, 16, 45));
    }

    @Test
    @DisplayName("A slot too soon, too far ahead, in the past, off the grid or outside the hours is refused, each with its reason")
    void refusals() {
        assertThat(refusal(local(2026, 11, 26, 8, 0))).isEqualTo(Problem.SLOT_IN_PAST);
        assertThat(refusal(local(2026, 11, 26, 8, 40))).isEqualTo(Problem.SLOT_NOT_A_START);
        assertThat(refusal(local(2026, 11, 26, 8, 35))).as("no slot starts at 08:35").isEqualTo(Problem.SLOT_NOT_A_START);
        assertThat(refusal(local(2026, 11, 26, 12, 0))).isEqualTo(Problem.SLOT_OUTSIDE_OPENING_HOURS);
        assertThat(refusal(local(2026, 12, 11, 9, 0))).isEqualTo(Problem.SLOT_TOO_FAR_AHEAD);
        assertThatThrownBy(() -> CALENDAR.requireBookable(SITE, "chung-thuc", local(2026, 11, 26, 8, 45),
                local(2026, 11, 26, 8, 36)))
                .isInstanceOfSatisfying(QueueException.class, e -> assertThat(e.problem()).isEqualTo(Problem.SLOT_BOOKING_CLOSED));
        assertThat(CALENDAR.requireBookable(SITE, "chung-thuc", local(2026, 11, 26, 8, 45), NOW).places()).isEqualTo(2);
    }

    private static Problem refusal(Instant start) {
        try {
            CALENDAR.requireBookable(SITE, "chung-thuc", start, NOW);
        } catch (QueueException e) {
            return e.problem();
        }
        throw new AssertionError("the slot at " + start + " was accepted");
    }

    @Test
    @DisplayName("A full slot's nearest free slots are the closest in time, the earlier first when equally close")
    void nearestFreeSlots() {
        List<Slot> slots = CALENDAR.slotsOn(SITE, "chung-thuc", LocalDate.of(2026, 11, 27));
        Instant wanted = local(2026, 11, 27, 9, 0);
        Set<Instant> full = Set.of(wanted, local(2026, 11, 27, 9, 15));

        List<Slot> nearest = SlotCalendar.nearestFree(slots, s -> full.contains(s.start()) ? 0 : 2, wanted, 3);

        assertThat(nearest).extracting(Slot::start).containsExactly(local(2026, 11, 27, 8, 45),
                local(2026, 11, 27, 8, 30), local(2026, 11, 27, 9, 30));
    }
}
