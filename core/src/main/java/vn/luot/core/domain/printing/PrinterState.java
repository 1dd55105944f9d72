package vn.luot.core.domain.printing;

import java.util.Locale;
import java.util.Optional;

/** What a printer can do now, as its bridge reports it (or {@link #OFFLINE} when no bridge answers). */
public enum PrinterState {
    ONLINE,
    /** Prints, but the roll is nearly used up: someone should bring paper. */
    PAPER_NEAR_END,
    PAPER_OUT,
    OFFLINE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when a ticket sent now comes out of the printer. */
    public boolean prints() {
        return this == ONLINE || this == PAPER_NEAR_END;
    }

    public static Optional<PrinterState> fromWire(String value) {
        for (PrinterState state : values()) {
            if (state.wireName().equals(value)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
