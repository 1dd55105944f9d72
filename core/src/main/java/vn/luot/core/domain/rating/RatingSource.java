package vn.luot.core.domain.rating;

import java.util.Locale;

/** Where a rating was given: the tablet facing the citizen at the counter, or the citizen's phone. */
public enum RatingSource {
    COUNTER,
    PHONE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
