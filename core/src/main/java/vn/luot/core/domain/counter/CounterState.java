package vn.luot.core.domain.counter;

import java.util.Locale;

/** Whether a counter calls tickets now. A paused counter keeps its staff and services (a break). */
public enum CounterState {
    CLOSED,
    OPEN,
    PAUSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CounterState fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
