package vn.luot.settings;

import java.util.List;
import java.util.Objects;

/**
 * The value checks a settings record makes in its compact constructor. Each names the key it checks, so
 * that the message says which setting is wrong. Required numbers are primitives in the records (a missing
 * one is refused by the reader); optional ones are boxed and get their default here.
 */
public final class Check {
    private Check() {
    }

    public static int between(int value, String key, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidSetting(key, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** An optional whole number: {@code fallback} when the key is absent. */
    public static int between(Integer value, String key, int min, int max, int fallback) {
        return value == null ? fallback : between(value.intValue(), key, min, max);
    }

    public static double between(double value, String key, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new InvalidSetting(key, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** A text that must be there and not blank, trimmed. */
    public static String text(String value, String key) {
        if (present(value, key).isBlank()) {
            throw new InvalidSetting(key, "must not be empty");
        }
        return value.trim();
    }

    /** An optional text, trimmed; {@code fallback} when absent. */
    public static String optionalText(String value, String fallback) {
        return value == null ? fallback : value.trim();
    }

    public static <T> T present(T value, String key) {
        if (value == null) {
            throw new InvalidSetting(key, "is missing");
        }
        return value;
    }

    /** A list that must be there; its texts trimmed, none blank. */
    public static List<String> texts(List<String> values, String key) {
        present(values, key);
        for (int i = 0; i < values.size(); i++) {
            text(values.get(i), key + "[" + i + "]");
        }
        return values.stream().map(String::trim).toList();
    }

    /** A list of mappings that must be there (it may be empty); a blank item is refused. */
    public static <T> List<T> items(List<T> values, String key) {
        present(values, key);
        for (int i = 0; i < values.size(); i++) {
            present(values.get(i), key + "[" + i + "]");
        }
        return List.copyOf(values);
    }

    /** A list that may be left out: empty then. */
    public static <T> List<T> optionalItems(List<T> values, String key) {
        return values == null ? List.of() : items(values, key);
    }

    public static void require(boolean condition, String key, String problem) {
        if (!condition) {
            throw new InvalidSetting(key, Objects.requireNonNull(problem));
        }
    }
}
