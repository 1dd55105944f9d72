package vn.luot.core.domain.booking;

import java.util.Locale;
import java.util.Optional;
import vn.luot.core.domain.Wording;

/** Where a booking is in its life: booked, then checked in (it became a ticket), cancelled, or not come. */
public enum BookingStatus implements Wording {
    BOOKED,
    CHECKED_IN,
    CANCELLED,
    /** Its day passed and nobody checked it in. */
    NO_SHOW;

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
