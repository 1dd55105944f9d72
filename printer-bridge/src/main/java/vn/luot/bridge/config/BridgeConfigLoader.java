package vn.luot.bridge.config;

import java.nio.file.Path;
import java.time.Duration;
import vn.luot.settings.SettingsException;
import vn.luot.settings.YamlSettings;

/**
 * Reads {@code bridge.yaml} onto {@link BridgeFile} with the reader the core uses. Every mistake stops the
 * bridge with a message that names the key, such as
 * {@code bridge.yaml: printer.port: must be a whole number, got 'abc'}; unknown keys (usually typos) are
 * refused too.
 */
public final class BridgeConfigLoader {
    private BridgeConfigLoader() {
    }

    public static BridgeConfig load(Path file) {
        BridgeFile settings;
        try {
            settings = YamlSettings.read(file, BridgeFile.class);
        } catch (SettingsException e) {
            throw new BridgeConfigException(e.getMessage());
        }
        Path base = file.toAbsolutePath().getParent();
        BridgeFile.Printer printer = settings.printer();
        BridgeConfig.Printer device = new BridgeConfig.Printer(printer.transport(), printer.host(), printer.port(),
                printer.path() == null ? null : base.resolve(printer.path()), printer.text(), printer.codePage(),
                printer.paperWidthDots(), printer.readStatus(), Duration.ofMillis(printer.connectTimeoutMillis()),
                Duration.ofMillis(printer.statusTimeoutMillis()));
        BridgeFile.Core core = settings.core();
        return new BridgeConfig(java.net.URI.create(core.url()), core.printerId(), core.token(), device,
                base.resolve(settings.journal()),
                new BridgeConfig.Retry(Duration.ofMillis(settings.retry().initialMillis()),
                        Duration.ofMillis(settings.retry().maxMillis())),
                Duration.ofSeconds(settings.statusIntervalSeconds()));
    }
}
