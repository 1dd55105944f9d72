package vn.luot.bridge.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import vn.luot.settings.Check;
import vn.luot.settings.InvalidSetting;

/**
 * The shape of {@code bridge.yaml}, read by the reader the core shares ({@link vn.luot.settings.YamlSettings}:
 * unknown keys refused, every complaint naming its path). Each record checks its values and fills in the
 * defaults; {@link BridgeConfigLoader} resolves the paths against the file's folder.
 */
record BridgeFile(Core core, Printer printer, String journal, Retry retry, Integer statusIntervalSeconds) {
    BridgeFile {
        Check.present(core, "core");
        Check.present(printer, "printer");
        journal = Check.text(journal, "journal");
        retry = retry == null ? new Retry(null, null) : retry;
        statusIntervalSeconds = Check.between(statusIntervalSeconds, "statusIntervalSeconds", 1, 3600, 15);
    }

    record Core(String url, String printerId, String token) {
        Core {
            url = Check.text(url, "url");
            if (!isCoreAddress(url)) {
                throw new InvalidSetting("url", "must be the core's address such as http://10.0.0.5:8080, got '"
                        + url + "'");
            }
            printerId = Check.text(printerId, "printerId");
            token = Check.text(token, "token");
        }

        private static boolean isCoreAddress(String url) {
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                return Set.of("http", "https", "ws", "wss").contains(scheme) && uri.getHost() != null;
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }

    /** A network printer needs a host (port 9100 by default); a device or a file needs a path. */
    record Printer(BridgeConfig.Transport transport, String host, Integer port, String path,
                   BridgeConfig.TextMode text, Integer codePage, Integer paperWidthDots, Boolean readStatus,
                   Integer connectTimeoutMillis, Integer statusTimeoutMillis) {
        Printer {
            Check.present(transport, "transport");
            boolean network = transport == BridgeConfig.Transport.TCP;
            host = network ? Check.text(host, "host") : null;
            port = network ? Check.between(port, "port", 1, 65535, 9100) : 0;
            path = network ? null : Check.text(path, "path");
            text = text == null ? BridgeConfig.TextMode.RASTER : text;
            codePage = Check.between(codePage, "codePage", 0, 255, 52);
            paperWidthDots = Check.between(paperWidthDots, "paperWidthDots", 384, 832, 576);
            readStatus = readStatus == null ? network : readStatus;
            Check.require(!readStatus || network, "readStatus", "can only be true with transport: tcp");
            connectTimeoutMillis = Check.between(connectTimeoutMillis, "connectTimeoutMillis", 100, 60_000, 3_000);
            statusTimeoutMillis = Check.between(statusTimeoutMillis, "statusTimeoutMillis", 100, 60_000, 3_000);
        }
    }

    /** Backoff between attempts to reach the printer or the core. */
    record Retry(Integer initialMillis, Integer maxMillis) {
        Retry {
            initialMillis = Check.between(initialMillis, "initialMillis", 10, 60_000, 500);
            maxMillis = Check.between(maxMillis, "maxMillis", 10, 600_000, 15_000);
        }
    }
}
