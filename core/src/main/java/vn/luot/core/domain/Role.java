package vn.luot.core.domain;

import java.util.Locale;
import java.util.Optional;

/** What a member of staff may do. Operators work one counter; managers move counters; admins manage staff. */
public enum Role implements Wording {
    OPERATOR,
    MANAGER,
    ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String messageKey() {
        return "role." + wireName();
    }

    public static Optional<Role> fromWire(String value) {
        for (Role role : values()) {
            if (role.wireName().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** Managers and admins may act on any counter; operators only on the one they opened. */
    public boolean supervisesCounters() {
        return this != OPERATOR;
    }
}
