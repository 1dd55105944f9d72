package vn.luot.core.domain.booking;

import java.util.Locale;
import java.util.Optional;
import vn.luot.core.domain.Wording;

/** Where a booking is in its life: booked, then checked in (it became a ticket), cancelled, not come, or expired. */
public enum BookingStatus implements Wording {
    BOOKED,
    CHECKED_IN,
    CANCELLED,
    /** Its day passed and nobody checked it in. */
    NO_SHOW,
    /** Not checked in by the late end of its window, where the centre lets missed bookings expire. */
    EXPIRED;

    @Override
    public String messageKey() {
        return "state.booking." + wireName();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BookingStatus> fromWire(String value) {
        for (BookingStatus s : values()) {
            if (s.wireName().equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
