package vn.luot.core.domain.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.catalogue.OpeningHours;
import vn.luot.core.domain.catalogue.SiteDefinition;

@DisplayName("Booking: the rules of an appointment, from booking to check-in")
class BookingTest {
    private static final ZoneId CENTRE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Thursday 26 November 2026. */
    private static final Instant THURSDAY_0830 = local(26, 8, 30);
    private static final SiteDefinition SITE = new SiteDefinition("hac-thanh", new LocalizedText("Hạc Thành", "Hac Thanh"),
            List.of("chung-thuc"), new OpeningHours(Map.of(
                    DayOfWeek.THURSDAY, List.of(new OpeningHours.Period(LocalTime.of(7, 0), LocalTime.of(11, 30))),
                    DayOfWeek.FRIDAY, List.of(new OpeningHours.Period(LocalTime.of(7, 0), LocalTime.of(11, 30))))),
            List.of());

    private static Instant local(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 11, day, hour, minute, 0, 0, CENTRE).toInstant();
    }

    private static BookingRequest request(Instant slot) {
        return new BookingRequest("hac-thanh", "chung-thuc", slot, "  Nguyễn Văn An ", "+84 912 345 678",
                "Sao y sổ hộ khẩu");
    }

    private static Booking booked(Instant slot) {
        return Booking.book(UUID.randomUUID(), "K7M2QX", request(slot), SITE, THURSDAY_0830, CENTRE);
    }

    @Test
    @DisplayName("A new booking is booked, with the name trimmed and the phone kept as national digits")
    void newBookingIsBooked() {
        Booking booking = booked(local(27, 9, 0));

        assertThat(booking.status()).isEqualTo(BookingStatus.BOOKED);
        assertThat(booking.citizenName()).isEqualTo("Nguyễn Văn An");
        assertThat(booking.phone()).isEqualTo("0912345678");
        assertThat(booking.ticketId()).isNull();
        assertThat(booking.slotDay(CENTRE)).isEqualTo("2026-11-27");
    }

    @Test
    @DisplayName("A slot that has already passed cannot be booked")
    void slotInThePastIsRefused() {
        assertThatThrownBy(() -> booked(local(26, 8, 0)))
                .isInstanceOfSatisfying(QueueException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.SLOT_IN_PAST);
                    assertThat(e.arguments()).containsExactly("08:00 26/11/2026");
                });
    }

    @Test
    @DisplayName("A slot outside the site's opening hours (lunch, or a Sunday) cannot be booked")
    void slotOutsideOpeningHoursIsRefused() {
        assertThatThrownBy(() -> booked(local(26, 12, 0)))
                .isInstanceOfSatisfying(QueueException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.SLOT_OUTSIDE_OPENING_HOURS));
        assertThatThrownBy(() -> booked(local(29, 9, 0)))
                .isInstanceOfSatisfying(QueueException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.SLOT_OUTSIDE_OPENING_HOURS));
    }

    @Test
    @DisplayName("A blank name or a phone that is not a phone number is refused, naming the field")
    void badNameOrPhoneIsRefused() {
        BookingRequest noName = new BookingRequest("hac-thanh", "chung-thuc", local(27, 9, 0), "  ", "0912345678", null);
        BookingRequest badPhone = new BookingRequest("hac-thanh", "chung-thuc", local(27, 9, 0), "An", "12ab", null);

        assertThatThrownBy(() -> Booking.book(UUID.randomUUID(), "K7M2QX", noName, SITE, THURSDAY_0830, CENTRE))
                .isInstanceOfSatisfying(QueueException.class, e -> assertThat(e.arguments()[0]).isEqualTo("name"));
        assertThatThrownBy(() -> Booking.book(UUID.randomUUID(), "K7M2QX", badPhone, SITE, THURSDAY_0830, CENTRE))
                .isInstanceOfSatisfying(QueueException.class, e -> assertThat(e.arguments()[0]).isEqualTo("phone"));
    }

    @Test
    @DisplayName("A booking is checked in at any hour of its slot's day, early or late, and links its ticket")
    void checkInOnTheSlotsDay() {
        Booking booking = booked(local(26, 10, 0));
        UUID ticket = UUID.randomUUID();

        Booking early = booking.checkedIn(ticket, local(26, 7, 5), CENTRE);
        Booking late = booking.checkedIn(ticket, local(26, 16, 55), CENTRE);

        assertThat(early.status()).isEqualTo(BookingStatus.CHECKED_IN);
        assertThat(early.ticketId()).isEqualTo(ticket);
        assertThat(early.checkedInAt()).isEqualTo(local(26, 7, 5));
        assertThat(early.version()).isEqualTo(booking.version() + 1);
        assertThat(late.isCheckedIn()).isTrue();
    }

    @Test
    @DisplayName("A booking cannot be checked in on another day than its slot's, in the centre's time zone")
    void checkInOnAnotherDayIsRefused() {
        Booking booking = booked(local(27, 9, 0));

        assertThatThrownBy(() -> booking.checkedIn(UUID.randomUUID(), local(26, 23, 59), CENTRE))
                .isInstanceOfSatisfying(QueueException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.BOOKING_NOT_TODAY);
                    assertThat(e.arguments()).containsExactly("K7M2QX", "27/11/2026");
                });
        assertThatThrownBy(() -> booking.checkedIn(UUID.randomUUID(), local(28, 0, 1), CENTRE))
                .isInstanceOfSatisfying(QueueException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.BOOKING_NOT_TODAY));
    }

    @Test
    @DisplayName("A booking becomes at most one ticket: a checked-in or cancelled booking cannot be checked in again")
    void checkInOnce() {
        Booking booking = booked(local(26, 10, 0));
        Booking checkedIn = booking.checkedIn(UUID.randomUUID(), local(26, 9, 0), CENTRE);
        Booking cancelled = booking.cancelled();

        assertThatThrownBy(() -> checkedIn.checkedIn(UUID.randomUUID(), local(26, 9, 1), CENTRE))
                .isInstanceOfSatisfying(QueueException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.BOOKING_STATE);
                    assertThat(e.arguments()).containsExactly("K7M2QX", BookingStatus.CHECKED_IN);
                });
        assertThatThrownBy(() -> cancelled.checkedIn(UUID.randomUUID(), local(26, 9, 1), CENTRE))
                .isInstanceOfSatisfying(QueueException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.BOOKING_STATE));
        assertThatThrownBy(checkedIn::cancelled).isInstanceOf(QueueException.class);
    }

    @Test
    @DisplayName("The fingerprint changes with anything the citizen asked for, so a reused key is caught")
    void fingerprintFollowsTheRequest() {
        BookingRequest a = request(local(27, 9, 0));
        BookingRequest b = request(local(27, 9, 0).plus(Duration.ofMinutes(15)));

        assertThat(a.fingerprint()).isEqualTo(request(local(27, 9, 0)).fingerprint());
        assertThat(a.fingerprint()).isNotEqualTo(b.fingerprint());
    }
}
