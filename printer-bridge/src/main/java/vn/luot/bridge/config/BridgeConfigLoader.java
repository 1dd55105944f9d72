package vn.luot.bridge.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@code bridge.yaml}. Every mistake stops the bridge with a message that names the key, such as
 * {@code bridge.yaml: printer.port: must be a whole number between 1 and 65535, got 'abc'}; unknown keys
 * (usually typos) are refused too.
 */
public final class BridgeConfigLoader {
    private BridgeConfigLoader() {
    }

    public static BridgeConfig load(Path file) {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new BridgeConfigException(source + ": the configuration file does not exist");
        }
        JsonNode tree;
        try {
            tree = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (JacksonException e) {
            throw new BridgeConfigException(source + ": is not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BridgeConfigException(source + ": cannot be read: " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new BridgeConfigException(source + ": must be a YAML mapping of settings");
        }
        Node root = new Node(source, "", tree);
        Path base = file.toAbsolutePath().getParent();

        Node core = root.child("core");
        URI url = url(core, "url");
        String printerId = core.text("printerId");
        String token = core.text("token");
        core.done();

        BridgeConfig.Printer printer = printer(root.child("printer"), base);
        Path journal = base.resolve(root.text("journal"));
        Node retry = root.optionalChild("retry");
        BridgeConfig.Retry backoff = new BridgeConfig.Retry(
                Duration.ofMillis(retry == null ? 500 : retry.integer("initialMillis", 10, 60_000, 500)),
                Duration.ofMillis(retry == null ? 15_000 : retry.integer("maxMillis", 10, 600_000, 15_000)));
        if (retry != null) {
            retry.done();
        }
        int statusSeconds = root.integer("statusIntervalSeconds", 1, 3600, 15);
        root.done();
        return new BridgeConfig(url, printerId, token, printer, journal, backoff, Duration.ofSeconds(statusSeconds));
    }

    private static BridgeConfig.Printer printer(Node node, Path base) {
        BridgeConfig.Transport transport = choice(node, "transport", BridgeConfig.Transport.class);
        String host = null;
        int port = 0;
        Path path = null;
        if (transport == BridgeConfig.Transport.TCP) {
            host = node.text("host");
            port = node.integer("port", 1, 65535, 9100);
        } else {
            path = base.resolve(node.text("path"));
        }
        BridgeConfig.TextMode text = node.has("text") ? choice(node, "text", BridgeConfig.TextMode.class)
                : BridgeConfig.TextMode.RASTER;
        int codePage = node.integer("codePage", 0, 255, 52);
        int width = node.integer("paperWidthDots", 384, 832, 576);
        boolean readStatus = node.bool("readStatus", transport == BridgeConfig.Transport.TCP);
        if (readStatus && transport != BridgeConfig.Transport.TCP) {
            throw node.error("readStatus", "can only be true with transport: tcp");
        }
        Duration connect = Duration.ofMillis(node.integer("connectTimeoutMillis", 100, 60_000, 3_000));
        Duration status = Duration.ofMillis(node.integer("statusTimeoutMillis", 100, 60_000, 3_000));
        node.done();
        return new BridgeConfig.Printer(transport, host, port, path, text, codePage, width, readStatus, connect, status);
    }

    private static URI url(Node node, String key) {
        String value = node.text(key);
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (Set.of("http", "https", "ws", "wss").contains(scheme) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw node.error(key, "must be the core's address such as http://10.0.0.5:8080, got '" + value + "'");
    }

    private static <E extends Enum<E>> E choice(Node node, String key, Class<E> type) {
        String value = node.text(key);
        for (E option : type.getEnumConstants()) {
            if (option.name().equalsIgnoreCase(value)) {
                return option;
            }
        }
        StringBuilder options = new StringBuilder();
        for (E option : type.getEnumConstants()) {
            options.append(options.length() == 0 ? "" : ", ").append(option.name().toLowerCase(Locale.ROOT));
        }
        throw node.error(key, "must be one of " + options + ", got '" + value + "'");
    }

    /** A mapping that knows its path, and which of its keys were read. */
    private static final class Node {
        private final String source;
        private final String path;
        private final JsonNode json;
        private final Set<String> read = new HashSet<>();

        Node(String source, String path, JsonNode json) {
            this.source = source;
            this.path = path;
            this.json = json;
        }

        BridgeConfigException error(String key, String problem) {
            return new BridgeConfigException(source + ": " + (path.isEmpty() ? key : path + "." + key) + ": " + problem);
        }

        boolean has(String key) {
            JsonNode value = json.get(key);
            return value != null && !value.isNull();
        }

        Node child(String key) {
            Node child = optionalChild(key);
            if (child == null) {
                throw error(key, "is missing");
            }
            return child;
        }

        Node optionalChild(String key) {
            read.add(key);
            JsonNode value = json.get(key);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isObject()) {
                throw error(key, "must be a mapping of keys to values");
            }
            return new Node(source, path.isEmpty() ? key : path + "." + key, value);
        }

        String text(String key) {
            read.add(key);
            JsonNode value = json.get(key);
            if (value == null || value.isNull()) {
                throw error(key, "is missing");
            }
            if (!value.isValueNode() || value.asText().isBlank()) {
                throw error(key, "must be a text value");
            }
            return value.asText().trim();
        }

        int integer(String key, int min, int max, int fallback) {
            read.add(key);
            JsonNode value = json.get(key);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
                throw error(key, "must be a whole number between " + min + " and " + max + ", got '"
                        + value.asText() + "'");
            }
            return value.asInt();
        }

        boolean bool(String key, boolean fallback) {
            read.add(key);
            JsonNode value = json.get(key);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isBoolean()) {
                throw error(key, "must be true or false, got '" + value.asText() + "'");
            }
            return value.asBoolean();
        }

        void done() {
            Iterator<String> names = json.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!read.contains(name)) {
                    throw error(name, "is not a known setting (check its spelling)");
                }
            }
        }
    }
}
