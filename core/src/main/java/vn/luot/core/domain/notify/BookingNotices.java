package vn.luot.core.domain.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.luot.core.domain.booking.Booking;
import vn.luot.core.domain.booking.PhoneNumber;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.CatalogueRef;
import vn.luot.core.domain.catalogue.LocalizedText;

/**
 * The messages a change of a booking or a ticket sends, written to the outbox in the same transaction as
 * the change: on booking, a confirmation and (if there is time) a reminder {@code reminderLead} before
 * the slot; on cancelling, a cancellation (the reminder is dropped); on moving, a new reminder; when a
 * remote or booked ticket's turn is near, a turn-near message. Fields are in Vietnamese, the citizens'
 * language.
 */
public final class BookingNotices {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private final Catalogue catalogue;
    private final ZoneId zone;
    private final Duration reminderLead;

    public BookingNotices(Catalogue catalogue, Duration reminderLead) {
        this.catalogue = catalogue;
        this.zone = catalogue.timeZone();
        this.reminderLead = reminderLead;
    }

    public List<Notice> made(Booking booking, Instant now) {
        List<Notice> notices = new ArrayList<>();
        notices.add(notice(NoticeKind.BOOKING_MADE, booking, now));
        reminder(booking, now).ifPresent(notices::add);
        return notices;
    }

    /** The reminder of a booking, unless its time has already come. */
    public java.util.Optional<Notice> reminder(Booking booking, Instant now) {
        Instant due = booking.slotStart().minus(reminderLead);
        return due.isAfter(now) ? java.util.Optional.of(notice(NoticeKind.REMINDER, booking, due))
                : java.util.Optional.empty();
    }

    public Notice cancelled(Booking booking, Instant now) {
        return notice(NoticeKind.BOOKING_CANCELLED, booking, now);
    }

    /**
     * @param ahead how many are ahead of the ticket now
     * @param phone the ticket's phone number as stored (national form)
     */
    public java.util.Optional<Notice> turnNear(UUID ticketId, String number, String siteId, String phone, int ahead,
                                                Instant now) {
        return PhoneNumber.parse(phone).map(p -> new Notice(turnNearId(ticketId), NoticeKind.TURN_NEAR, p.international(),
                Map.of("number", number, "ahead", Integer.toString(ahead), "site", name(CatalogueRef.site(siteId))),
                now, null, ticketId));
    }

    /** One turn-near message per ticket, ever: its id follows from the ticket's. */
    public static UUID turnNearId(UUID ticketId) {
        return UUID.nameUUIDFromBytes(("turn-near:" + ticketId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Notice notice(NoticeKind kind, Booking booking, Instant due) {
        String phone = new PhoneNumber(booking.phone()).international();
        return new Notice(UUID.randomUUID(), kind, phone, Map.of(
                "code", booking.code(),
                "time", TIME.format(booking.slotStart().atZone(zone)),
                "site", name(CatalogueRef.site(booking.siteId())),
                "service", name(CatalogueRef.service(booking.serviceId()))), due, booking.id(), booking.ticketId());
    }

    private String name(CatalogueRef ref) {
        return catalogue.nameOf(ref).map(LocalizedText::vi).orElse(ref.id());
    }
}
