package vn.luot.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import vn.luot.core.domain.ticket.Channel;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketStatus;

/** Builds tickets for domain tests. */
public final class Tickets {
    public static final Instant MORNING = Instant.parse("2026-11-26T01:30:00Z"); // 08:30 in Thanh Hóa

    private Tickets() {
    }

    public static Ticket waiting(String number, String service, String priority, Instant issuedAt) {
        return new Ticket(UUID.randomUUID(), number, LocalDate.of(2026, 11, 26), "hac-thanh", service, priority,
                Channel.KIOSK, TicketStatus.WAITING, issuedAt, issuedAt, null, null, null, null, null, 0, 1, null, null);
    }

    public static Ticket waitingFor(String number, String service, Instant issuedAt, int assignedCounter) {
        return new Ticket(UUID.randomUUID(), number, LocalDate.of(2026, 11, 26), "hac-thanh", service, null,
                Channel.KIOSK, TicketStatus.WAITING, issuedAt, issuedAt, null, assignedCounter, null, null, null, 0, 1,
                null, null);
    }

    /** A ticket checked in from a booking for the slot starting at {@code slotStart}. */
    public static Ticket booked(String number, String service, Instant slotStart, Instant checkedInAt) {
        return new Ticket(UUID.randomUUID(), number, LocalDate.of(2026, 11, 26), "hac-thanh", service, null,
                Channel.BOOKING, TicketStatus.WAITING, checkedInAt, checkedInAt, null, null, null, null, null, 0, 1,
                null, slotStart);
    }
}
