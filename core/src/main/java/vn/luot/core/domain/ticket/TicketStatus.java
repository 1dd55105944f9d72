package vn.luot.core.domain.ticket;

import java.util.Locale;
import java.util.Optional;
import vn.luot.core.domain.Wording;

/** Where a ticket is in its life. Only WAITING tickets can be called; only CALLED and SERVING ones sit at a counter. */
public enum TicketStatus implements Wording {
    WAITING,
    CALLED,
    SERVING,
    COMPLETED,
    NO_SHOW,
    CANCELLED,
    /** Left waiting when its day ended. */
    EXPIRED;

    @Override
    public String messageKey() {
        return "state.ticket." + wireName();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TicketStatus> fromWire(String value) {
        for (TicketStatus s : values()) {
            if (s.wireName().equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public boolean atCounter() {
        return this == CALLED || this == SERVING;
    }

    public boolean finished() {
        return this == COMPLETED || this == NO_SHOW || this == CANCELLED || this == EXPIRED;
    }
}
