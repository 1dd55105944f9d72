package vn.luot.core.config;

import java.util.Map;
import java.util.Optional;

/** The environment variables that override the file; empty values count as unset. */
final class Overrides {
    private final Map<String, String> env;

    Overrides(Map<String, String> env) {
        this.env = env;
    }

    boolean has(String name) {
        return get(name).isPresent();
    }

    Optional<String> get(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    Optional<Integer> integer(String name, int min, int max) {
        Optional<String> raw = get(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new ConfigException(name + ": must be between " + min + " and " + max + ", got " + value);
            }
            return Optional.of(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(name + ": must be a whole number, got '" + raw.get() + "'");
        }
    }
}
