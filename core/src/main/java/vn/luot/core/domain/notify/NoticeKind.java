package vn.luot.core.domain.notify;

import java.util.Locale;
import java.util.Optional;

/** Why a citizen gets a message; each kind has its template in the configuration ({@code notify.templates}). */
public enum NoticeKind {
    /** A booking was made: its code, time and place. */
    BOOKING_MADE,
    /** A reminder before the booked slot ({@code notify.reminderMinutesBefore}). */
    REMINDER,
    /** A remote or booked ticket's turn is near ({@code booking.turnNearAhead} or fewer ahead). */
    TURN_NEAR,
    /** A booking was cancelled. */
    BOOKING_CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NoticeKind> fromWire(String value) {
        for (NoticeKind k : values()) {
            if (k.wireName().equals(value)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
