package vn.luot.bridge.support;

import io.vertx.core.Vertx;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.luot.bridge.BridgeVerticle;
import vn.luot.bridge.config.BridgeConfig;

/** Starts printer bridges for tests: inside the test's JVM, or as a separate process that can be killed. */
public final class Bridges {
    private Bridges() {
    }

    /** Settings for a bridge that prints to a fake network printer, with short retry delays. */
    public static BridgeConfig tcp(String coreUrl, String printerId, String token, int printerPort, Path journal,
                                   BridgeConfig.TextMode text) {
        return new BridgeConfig(URI.create(coreUrl), printerId, token,
                new BridgeConfig.Printer(BridgeConfig.Transport.TCP, "127.0.0.1", printerPort, null, text, 52, 576,
                        true, Duration.ofSeconds(2), Duration.ofSeconds(2)),
                journal, new BridgeConfig.Retry(Duration.ofMillis(100), Duration.ofMillis(500)), Duration.ofSeconds(1));
    }

    /** A bridge running in this JVM, on a Vert.x of its own (as on the PC next to the printer). */
    public static final class InProcess implements AutoCloseable {
        private final Vertx vertx = Vertx.vertx();

        public InProcess(BridgeConfig config) {
            vertx.deployVerticle(new BridgeVerticle(config, Clock.systemUTC())).await();
        }

        @Override
        public void close() {
            vertx.close().await();
        }
    }

    /** The YAML file a real installation would have, for a bridge started as its own process. */
    public static Path configFile(Path dir, String coreUrl, String printerId, String token, int printerPort,
                                  BridgeConfig.TextMode text) {
        String yaml = String.join("\n",
                "core:",
                "  url: " + coreUrl,
                "  printerId: " + printerId,
                "  token: " + token,
                "printer:",
                "  transport: tcp",
                "  host: 127.0.0.1",
                "  port: " + printerPort,
                "  text: " + text.name().toLowerCase(java.util.Locale.ROOT),
                "  statusTimeoutMillis: 2000",
                "journal: journal",
                "retry:",
                "  initialMillis: 100",
                "  maxMillis: 500",
                "statusIntervalSeconds: 1",
                "");
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("bridge.yaml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code vn.luot.bridge.Main --config <file>} in a new JVM with this test's class path.
     *
     * @param crashAt a crash point where the process halts (see CrashPoint), or null
     */
    public static Process process(Path config, String crashAt) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.add("-XX:TieredStopAtLevel=1");
        if (crashAt != null) {
            command.add("-Dluot.bridge.crashAt=" + crashAt);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("vn.luot.bridge.Main");
        command.add("--config");
        command.add(config.toString());
        try {
            Path logs = Path.of("target", "bridge-logs");
            Files.createDirectories(logs);
            File log = logs.resolve("bridge-" + System.currentTimeMillis() + "-" + (crashAt == null ? "run" : crashAt)
                    + ".log").toFile();
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
