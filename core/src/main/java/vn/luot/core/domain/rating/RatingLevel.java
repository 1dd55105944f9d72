package vn.luot.core.domain.rating;

import java.util.Locale;
import java.util.Optional;

/**
 * How satisfied a citizen was, from 4 (very satisfied) to 1 (dissatisfied). The two lower levels are
 * "low": the citizen may then pick one reason from the configured list.
 */
public enum RatingLevel {
    DISSATISFIED(1),
    NEUTRAL(2),
    SATISFIED(3),
    VERY_SATISFIED(4);

    private final int score;

    RatingLevel(int score) {
        this.score = score;
    }

    public int score() {
        return score;
    }

    public boolean isLow() {
        return score <= NEUTRAL.score;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RatingLevel> fromWire(String value) {
        for (RatingLevel level : values()) {
            if (level.wireName().equals(value)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    public static Optional<RatingLevel> ofScore(int score) {
        for (RatingLevel level : values()) {
            if (level.score == score) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
