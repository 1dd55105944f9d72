package vn.luot.bridge.printer;

import java.util.Locale;

/** The printer's state as the bridge reports it to the core (the same words the core uses). */
public enum PrinterCondition {
    ONLINE,
    PAPER_NEAR_END,
    PAPER_OUT,
    /** Unreachable, switched off, or reporting itself offline (cover open, error). */
    OFFLINE;

    public boolean prints() {
        return this == ONLINE || this == PAPER_NEAR_END;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
