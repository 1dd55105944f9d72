package vn.luot.core.domain.catalogue;

import java.util.Objects;

/** A name in Vietnamese (always shown first) and English. */
public record LocalizedText(String vi, String en) {
    public LocalizedText {
        Objects.requireNonNull(vi, "vi");
        Objects.requireNonNull(en, "en");
    }
}
