package vn.luot.core.domain.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.calling.BookedWindow;
import vn.luot.core.domain.catalogue.CatalogueRef;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.domain.ticket.ServiceDay;

/**
 * An appointment: a citizen will come for a service at a site at a time. At the desk (or later the
 * kiosk) it is checked in, which issues a ticket with the channel {@code booking}; a booking becomes
 * at most one ticket, ever. Immutable: each step returns a new booking with a higher {@code version},
 * or throws a {@link QueueException} and changes nothing.
 *
 * <p>The rules:
 * <ul>
 *   <li>A slot must lie ahead, and within the site's opening hours.</li>
 *   <li>A booking is checked in on its slot's day (in the centre's time zone), at any hour of it: an
 *       elderly citizen who comes early or late is still expected that day. Not on another day.</li>
 *   <li>Only a booking still {@code booked} can be checked in or cancelled.</li>
 *   <li>A booking still {@code booked} when its day is over did not come: the store marks it
 *       {@code no_show} in bulk ({@link vn.luot.core.store.BookingStore#markNoShowsBefore}).</li>
 *   <li>A booking not checked in by the late end of its window ({@link BookedWindow}) is missed: where
 *       the centre lets missed bookings expire ({@link MissedBooking#EXPIRE}) it becomes {@code expired};
 *       otherwise it can still be checked in that day, and waits like a walk-in.</li>
 * </ul>
 *
 * @param phone     the citizen's mobile number in its national form ({@link PhoneNumber#national()})
 * @param ticketId  the ticket it became at check-in, else null
 */
public record Booking(
        UUID id,
        String code,
        String siteId,
        String serviceId,
        Instant slotStart,
        String citizenName,
        String phone,
        String procedure,
        BookingStatus status,
        UUID ticketId,
        Instant createdAt,
        Instant checkedInAt,
        int version) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    public Booking {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(slotStart, "slotStart");
    }

    /**
     * A new booking, once the request is checked against the rules. The caller has checked that the
     * site offers the service.
     */
    public static Booking book(UUID id, String code, BookingRequest request, SiteDefinition site, Instant now,
                               ZoneId zone) {
        String name = request.citizenName().strip();
        if (name.isEmpty() || name.length() > BookingRequest.MAX_NAME_LENGTH) {
            throw new QueueException(Problem.INVALID_FIELD, "name", FieldRule.NAME);
        }
        String digits = PhoneNumber.parse(request.phone()).map(PhoneNumber::national)
                .orElseThrow(() -> new QueueException(Problem.INVALID_FIELD, "phone", FieldRule.MOBILE_PHONE));
        if (!request.slotStart().isAfter(now)) {
            throw new QueueException(Problem.SLOT_IN_PAST, TIME.format(request.slotStart().atZone(zone)));
        }
        if (!site.openingHours().isOpenAt(request.slotStart().atZone(zone))) {
            throw new QueueException(Problem.SLOT_OUTSIDE_OPENING_HOURS, CatalogueRef.site(site.id()),
                    TIME.format(request.slotStart().atZone(zone)));
        }
        return new Booking(id, code, site.id(), request.serviceId(), request.slotStart(), name, digits,
                request.procedure(), BookingStatus.BOOKED, null, now, null, 1);
    }

    public LocalDate slotDay(ZoneId zone) {
        return ServiceDay.of(slotStart, zone);
    }

    public boolean isCheckedIn() {
        return status == BookingStatus.CHECKED_IN;
    }

    /** Checks that the booking can be checked in now, before a ticket is issued for it. */
    public void requireCheckInAllowed(Instant now, ZoneId zone) {
        requireBooked();
        LocalDate today = ServiceDay.of(now, zone);
        if (!today.equals(slotDay(zone))) {
            throw new QueueException(Problem.BOOKING_NOT_TODAY, code, DAY.format(slotDay(zone)));
        }
    }

    /** The booking after its check-in issued the given ticket. */
    public Booking checkedIn(UUID ticket, Instant now, ZoneId zone) {
        requireCheckInAllowed(now, zone);
        return with(BookingStatus.CHECKED_IN, Objects.requireNonNull(ticket, "ticket"), now);
    }

    /**
     * The booking moved to another slot, which the caller checked with the {@link SlotCalendar}. Only a
     * booking still {@code booked} moves; a checked-in one already has its ticket.
     */
    public Booking movedTo(Instant newStart) {
        requireBooked();
        return new Booking(id, code, siteId, serviceId, Objects.requireNonNull(newStart, "newStart"), citizenName,
                phone, procedure, status, ticketId, createdAt, checkedInAt, version + 1);
    }

    /** Whether this phone number (as written by its holder) is the one the booking was made with. */
    public boolean heldBy(String writtenPhone) {
        return PhoneNumber.parse(writtenPhone).map(p -> p.national().equals(phone)).orElse(false);
    }

    /** Whether the late end of its window has passed (see {@link BookedWindow#missedAfter}). */
    public boolean isMissed(Instant now, BookedWindow window) {
        return now.isAfter(window.missedAfter(slotStart));
    }

    /** The booking after it expired, missed where the centre lets missed bookings expire. */
    public Booking expired() {
        requireBooked();
        return with(BookingStatus.EXPIRED, null, null);
    }

    public Booking cancelled() {
        requireBooked();
        return with(BookingStatus.CANCELLED, null, null);
    }

    private void requireBooked() {
        if (status != BookingStatus.BOOKED) {
            throw new QueueException(Problem.BOOKING_STATE, code, status);
        }
    }

    private Booking with(BookingStatus newStatus, UUID newTicket, Instant newCheckedInAt) {
        return new Booking(id, code, siteId, serviceId, slotStart, citizenName, phone, procedure, newStatus,
                newTicket, createdAt, newCheckedInAt, version + 1);
    }
}
