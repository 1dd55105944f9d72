package vn.luot.core.reports.export;

import java.util.Locale;
import java.util.Optional;

/** The file types of exports, with what the browser is told. */
public enum ExportFormat {
    /** UTF-8 with a byte-order mark, so Excel reads the Vietnamese letters right. */
    CSV("text/csv; charset=utf-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PDF("application/pdf", "pdf");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExportFormat> fromWire(String value) {
        for (ExportFormat f : values()) {
            if (f.wireName().equals(value)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
