package vn.luot.core.domain.report;

import java.util.Locale;
import java.util.Optional;

/**
 * How a summary splits its figures. Tickets that never reached a counter have no counter and no staff
 * member; splitting by those leaves them out of the groups (they still count in the total).
 */
public enum GroupBy {
    DAY,
    HOUR,
    SERVICE,
    COUNTER,
    STAFF;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<GroupBy> fromWire(String value) {
        for (GroupBy g : values()) {
            if (g.wireName().equals(value)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
