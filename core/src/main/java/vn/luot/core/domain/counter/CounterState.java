package vn.luot.core.domain.counter;

import java.util.Locale;
import vn.luot.core.domain.Wording;

/** Whether a counter calls tickets now. A paused counter keeps its staff and services (a break). */
public enum CounterState implements Wording {
    CLOSED,
    OPEN,
    PAUSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "đang đóng", "đang mở", "đang tạm dừng" in the bundles. */
    @Override
    public String messageKey() {
        return "state.counter." + wireName();
    }

    public static CounterState fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
