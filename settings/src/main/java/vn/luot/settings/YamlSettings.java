package vn.luot.settings;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads a YAML settings file onto a record, strictly: an unknown key (most often a typo), a key written
 * twice, a missing required number, a word where a number belongs, or a value a record's compact
 * constructor refuses (see {@link Check}) each stop the reading with a {@link SettingsException} whose
 * message names the file and the key's path, such as
 * {@code config/default.yaml: services[0].targetWaitMinutes: must be a whole number, got 'abc'}.
 *
 * <p>Jackson does the binding; this class only turns Jackson's complaints into sentences a person
 * editing the file understands, with the path Jackson reports.
 */
public final class YamlSettings {
    private static final YAMLMapper MAPPER = mapper();

    private YamlSettings() {
    }

    public static <T> T read(Path file, Class<T> shape) {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new SettingsException(source + ": the configuration file does not exist", null);
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new SettingsException(source + ": " + syntaxProblem(e), e);
        } catch (IOException e) {
            throw new SettingsException(source + ": cannot be read: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new SettingsException(source + ": must be a YAML mapping of settings", null);
        }
        try {
            return MAPPER.treeToValue(tree, shape);
        } catch (InvalidSetting e) {
            throw new SettingsException(source + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new SettingsException(source + ": " + bindingProblem(e, tree), e);
        }
    }

    private static YAMLMapper mapper() {
        YAMLMapper mapper = YAMLMapper.builder()
                // A key written twice would silently keep the last one (a merge once left two): refuse it.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
        // "15" in quotes is a text, not a number; neither "true" nor 1 stands for true, nor true for a text.
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    private static String syntaxProblem(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message.startsWith("Duplicate field") && e.getProcessor() instanceof JsonParser parser) {
            // The parser stands on the second one: its path names the key written twice.
            return dotted(parser.getParsingContext().pathAsPointer()) + ": is written twice; keep one of them";
        }
        return "is not valid YAML: " + message;
    }

    /** {@code /sites/0/counters/1/id} as {@code sites[0].counters[1].id}. */
    private static String dotted(JsonPointer pointer) {
        StringBuilder path = new StringBuilder();
        for (JsonPointer at = pointer; at != null && !at.matches(); at = at.tail()) {
            if (at.mayMatchElement()) {
                path.append('[').append(at.getMatchingIndex()).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(at.getMatchingProperty());
            }
        }
        return path.toString();
    }

    private static String bindingProblem(JacksonException e, JsonNode tree) {
        if (!(e instanceof JsonMappingException databind)) {
            return e.getOriginalMessage();
        }
        String path = path(databind.getPath());
        if (e instanceof ValueInstantiationException && e.getCause() instanceof InvalidSetting refused) {
            return join(path, refused.key()) + ": " + refused.problem();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return path + ": is not a known setting (check its spelling)";
        }
        JsonNode value = at(tree, databind.getPath());
        if (e instanceof MismatchedInputException mismatch) {
            if (value == null || value.isNull() || value.isMissingNode()) {
                return path + ": is missing";
            }
            Class<?> type = mismatch.getTargetType();
            if (type != null) {
                return path + ": " + expected(type) + ", got " + describe(value);
            }
        }
        if (e.getCause() instanceof InputCoercionException && value != null) {
            return path + ": is too large, got " + describe(value);
        }
        return path + ": " + e.getOriginalMessage();
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "must be a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "must be a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a text value";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(option -> ((Enum<?>) option).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be a mapping of keys to values";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static JsonNode at(JsonNode tree, List<JsonMappingException.Reference> references) {
        JsonNode node = tree;
        for (JsonMappingException.Reference reference : references) {
            if (node == null) {
                return null;
            }
            node = reference.getFieldName() != null ? node.get(reference.getFieldName())
                    : node.get(reference.getIndex());
        }
        return node;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : key.isEmpty() ? path : path + "." + key;
    }

    /** How a value the reader refused is shown back: the text itself, or what kind of thing it is. */
    static String describe(JsonNode value) {
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        return "'" + value.asText() + "'";
    }
}
