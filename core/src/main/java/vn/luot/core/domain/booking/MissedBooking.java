package vn.luot.core.domain.booking;

import java.util.Locale;
import java.util.Optional;

/**
 * What becomes of a booking nobody checked in by the late end of its window (10 minutes after the
 * slot by default; see {@link vn.luot.core.domain.calling.BookedWindow}).
 */
public enum MissedBooking {
    /** It can still be checked in that day, and then waits in the walk-in line by its check-in time. */
    WALK_IN,
    /** It expires: marked {@code expired} and counted, and it can no longer be checked in. */
    EXPIRE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<MissedBooking> fromWire(String value) {
        for (MissedBooking m : values()) {
            if (m.wireName().equals(value)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
