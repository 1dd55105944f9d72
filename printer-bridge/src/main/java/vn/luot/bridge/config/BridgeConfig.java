package vn.luot.bridge.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The bridge's settings, read from its own small YAML file by {@link BridgeConfigLoader}.
 *
 * @param coreUrl      the core's address, such as {@code http://10.0.0.5:8080}
 * @param journal      where jobs are kept on disk until printed
 * @param statusEvery  how often the printer's state is read and reported when idle
 */
public record BridgeConfig(URI coreUrl, String printerId, String token, Printer printer, Path journal,
                           Retry retry, Duration statusEvery) {

    public enum Transport {
        /** A network printer's raw port (9100). */
        TCP,
        /** A printer's device file, such as {@code /dev/usb/lp0}. */
        DEVICE,
        /** A plain file the bytes are appended to: for trying the bridge without a printer. */
        FILE
    }

    public enum TextMode {
        /** Text drawn as an image: prints Vietnamese on any ESC/POS printer. */
        RASTER,
        /** Text sent as characters in code page 1258, for printers that have it. */
        CP1258
    }

    /**
     * @param codePage       the printer's own number for code page 1258 (ESC t n), in cp1258 mode
     * @param readStatus     ask the printer for its state (DLE EOT) before and after each ticket (tcp only)
     */
    public record Printer(Transport transport, String host, int port, Path path, TextMode text, int codePage,
                          int paperWidthDots, boolean readStatus, Duration connectTimeout, Duration statusTimeout) {
    }

    /** Backoff between attempts to reach the printer or the core. */
    public record Retry(Duration initial, Duration max) {
    }

    /** The WebSocket address of this printer's job stream. */
    public URI printerSocket() {
        String base = coreUrl.toString().replaceFirst("^http", "ws");
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/ws/printers/" + printerId);
    }

    @Override
    public String toString() {
        return "BridgeConfig[" + coreUrl + ", " + printerId + ", " + printer + ", journal=" + journal + "]";
    }
}
