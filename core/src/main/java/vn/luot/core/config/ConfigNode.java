package vn.luot.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A YAML node that knows its own path ({@code sites[1].counters[0].id}), so that every complaint about
 * the configuration names the exact key. Keys that were never read are reported as unknown, which
 * catches typos such as {@code targetWaitMinute}.
 */
final class ConfigNode {
    private final String source;
    private final String path;
    private final JsonNode node;
    private final Set<String> read = new HashSet<>();

    ConfigNode(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    String source() {
        return source;
    }

    String path() {
        return path;
    }

    ConfigException error(String key, String problem) {
        return new ConfigException(source + ": " + join(key) + ": " + problem);
    }

    ConfigException error(String problem) {
        return new ConfigException(source + ": " + (path.isEmpty() ? "(top level)" : path) + ": " + problem);
    }

    ConfigNode child(String key) {
        JsonNode value = raw(key);
        if (value == null || value.isNull()) {
            throw error(key, "is missing");
        }
        if (!value.isObject()) {
            throw error(key, "must be a mapping of keys to values");
        }
        return new ConfigNode(source, join(key), value);
    }

    boolean has(String key) {
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    String text(String key) {
        JsonNode value = raw(key);
        if (value == null || value.isNull()) {
            throw error(key, "is missing");
        }
        if (!value.isValueNode() || value.isBoolean()) {
            throw error(key, "must be a text value, got " + describe(value));
        }
        String text = value.asText().trim();
        if (text.isEmpty()) {
            throw error(key, "must not be empty");
        }
        return text;
    }

    String optionalText(String key, String fallback) {
        JsonNode value = raw(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isValueNode()) {
            throw error(key, "must be a text value, got " + describe(value));
        }
        return value.asText().trim();
    }

    int integer(String key, int min, int max) {
        JsonNode value = raw(key);
        if (value == null || value.isNull()) {
            throw error(key, "is missing");
        }
        if (!value.canConvertToExactIntegral() || !value.isNumber()) {
            throw error(key, "must be a whole number, got " + describe(value));
        }
        long number = value.asLong();
        if (number < min || number > max) {
            throw error(key, "must be between " + min + " and " + max + ", got " + number);
        }
        return (int) number;
    }

    boolean bool(String key) {
        JsonNode value = raw(key);
        if (value == null || value.isNull()) {
            throw error(key, "is missing");
        }
        if (!value.isBoolean()) {
            throw error(key, "must be true or false, got " + describe(value));
        }
        return value.asBoolean();
    }

    double decimal(String key, double min, double max) {
        JsonNode value = raw(key);
        if (value == null || value.isNull()) {
            throw error(key, "is missing");
        }
        if (!value.isNumber()) {
            throw error(key, "must be a number, got " + describe(value));
        }
        double number = value.asDouble();
        if (number < min || number > max) {
            throw error(key, "must be between " + min + " and " + max + ", got " + number);
        }
        return number;
    }

    List<ConfigNode> objects(String key) {
        List<ConfigNode> items = new ArrayList<>();
        JsonNode list = list(key);
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String itemPath = join(key) + "[" + i + "]";
            if (!item.isObject()) {
                throw new ConfigException(source + ": " + itemPath + ": must be a mapping of keys to values");
            }
            items.add(new ConfigNode(source, itemPath, item));
        }
        return items;
    }

    List<String> texts(String key) {
        List<String> items = new ArrayList<>();
        JsonNode list = list(key);
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!item.isValueNode() || item.asText().isBlank()) {
                throw new ConfigException(source + ": " + join(key) + "[" + i + "]: must be a text value, got "
                        + describe(item));
            }
            items.add(item.asText().trim());
        }
        return items;
    }

    /** The keys of this mapping, in file order, each read through the given function. */
    <T> List<T> entries(Function<String, T> reader) {
        List<T> items = new ArrayList<>();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            items.add(reader.apply(names.next()));
        }
        return items;
    }

    /** Fails on any key that was not read: most often a typo. */
    void rejectUnknownKeys() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!read.contains(name)) {
                throw error(name, "is not a known setting (check its spelling)");
            }
        }
    }

    String join(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private JsonNode list(String key) {
        JsonNode value = raw(key);
        if (value == null || value.isNull()) {
            throw error(key, "is missing");
        }
        if (!value.isArray()) {
            throw error(key, "must be a list, got " + describe(value));
        }
        return value;
    }

    private JsonNode raw(String key) {
        read.add(key);
        return node.get(key);
    }

    private static String describe(JsonNode value) {
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        return "'" + value.asText() + "'";
    }
}
