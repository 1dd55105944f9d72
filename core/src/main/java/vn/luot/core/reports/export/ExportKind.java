package vn.luot.core.reports.export;

import java.util.Locale;
import java.util.Optional;

/** What an export holds: the summary's figures, one row per ticket, or the one-page monthly summary. */
public enum ExportKind {
    SUMMARY,
    TICKETS,
    MONTHLY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExportKind> fromWire(String value) {
        for (ExportKind k : values()) {
            if (k.wireName().equals(value)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
