package vn.luot.core.domain.calling;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import vn.luot.core.domain.ticket.Ticket;

/**
 * When a booked citizen is called at their time: from {@code early} before their slot's start, if
 * they checked in no later than {@code late} after it. A booked ticket checked in later than that
 * missed its slot and waits like a walk-in, by its check-in time.
 */
public record BookedWindow(Duration early, Duration late) {
    /** From 10 minutes early to 10 minutes late. */
    public static final BookedWindow DEFAULT = new BookedWindow(Duration.ofMinutes(10), Duration.ofMinutes(10));

    public BookedWindow {
        Objects.requireNonNull(early, "early");
        Objects.requireNonNull(late, "late");
        if (early.isNegative() || late.isNegative()) {
            throw new IllegalArgumentException("the booked window must not be negative");
        }
    }

    /** Whether the ticket is a booked one whose slot has come and that was checked in in time. */
    public boolean isDue(Ticket ticket, Instant now) {
        return ticket.isBooked() && !now.isBefore(ticket.slotStart().minus(early)) && checkedInInTime(ticket);
    }

    /** Checked in no later than the late end of its window. */
    public boolean checkedInInTime(Ticket ticket) {
        return ticket.isBooked() && !ticket.queuedSince().isAfter(missedAfter(ticket.slotStart()));
    }

    /** The moment after which a booking for this slot counts as missed. */
    public Instant missedAfter(Instant slotStart) {
        return slotStart.plus(late);
    }
}
