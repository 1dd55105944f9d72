package vn.luot.core.domain.ticket;

import java.util.Locale;
import java.util.Optional;

/** How a ticket was taken. */
public enum Channel {
    KIOSK,
    PHONE,
    DESK,
    BOOKING,
    /** Today's number taken from a distance, on the phone page {@code /book/now}; called like any other. */
    REMOTE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromWire(String value) {
        for (Channel c : values()) {
            if (c.wireName().equals(value)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
