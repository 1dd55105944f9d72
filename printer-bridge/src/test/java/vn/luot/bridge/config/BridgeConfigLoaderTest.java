package vn.luot.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The bridge's configuration file")
class BridgeConfigLoaderTest {

    private static Path write(Path dir, String yaml) throws Exception {
        Path file = dir.resolve("bridge.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    @DisplayName("The example file in the module reads as a network printer with raster text and the defaults")
    void readsTheExample() {
        BridgeConfig config = BridgeConfigLoader.load(Path.of("bridge.example.yaml"));

        assertThat(config.printerSocket().toString()).isEqualTo("ws://192.168.1.10:8080/ws/printers/kiosk-1");
        assertThat(config.printer().transport()).isEqualTo(BridgeConfig.Transport.TCP);
        assertThat(config.printer().port()).isEqualTo(9100);
        assertThat(config.printer().text()).isEqualTo(BridgeConfig.TextMode.RASTER);
        assertThat(config.printer().readStatus()).isTrue();
        assertThat(config.journal()).isAbsolute();
    }

    @Test
    @DisplayName("A file transport with code page 1258 and a device need a path, not a host")
    void fileTransport(@TempDir Path dir) throws Exception {
        BridgeConfig config = BridgeConfigLoader.load(write(dir, """
                core: { url: "https://luot.example.vn", printerId: desk-tinh, token: lpt_abc }
                printer: { transport: file, path: tickets.bin, text: cp1258, codePage: 30 }
                journal: journal
                """));

        assertThat(config.printer().path()).isEqualTo(dir.resolve("tickets.bin"));
        assertThat(config.printer().codePage()).isEqualTo(30);
        assertThat(config.printer().readStatus()).isFalse();
        assertThat(config.printerSocket().toString()).isEqualTo("wss://luot.example.vn/ws/printers/desk-tinh");
    }

    @Test
    @DisplayName("A wrong value, a missing key or a misspelt key stops the bridge with a message naming it")
    void namesTheKey(@TempDir Path dir) throws Exception {
        String core = "core: { url: \"http://core:8080\", printerId: kiosk-1, token: lpt_abc }\njournal: j\n";
        assertThatThrownBy(() -> BridgeConfigLoader.load(write(dir, core
                + "printer: { transport: tcp, host: p, port: abc }\n")))
                .hasMessage(dir.resolve("bridge.yaml") + ": printer.port: must be a whole number, got 'abc'");
        assertThatThrownBy(() -> BridgeConfigLoader.load(write(dir, core + "printer: { transport: usb }\n")))
                .hasMessageEndingWith("printer.transport: must be one of tcp, device, file, got 'usb'");
        assertThatThrownBy(() -> BridgeConfigLoader.load(write(dir, core + "printer: { transport: tcp, hots: p }\n")))
                .hasMessageEndingWith("printer.host: is missing");
        assertThatThrownBy(() -> BridgeConfigLoader.load(write(dir, core
                + "printer: { transport: tcp, host: p, paperWidth: 576 }\n")))
                .hasMessageEndingWith("printer.paperWidth: is not a known setting (check its spelling)");
        assertThatThrownBy(() -> BridgeConfigLoader.load(write(dir, core
                + "printer: { transport: file, path: x, readStatus: true }\n")))
                .hasMessageEndingWith("printer.readStatus: can only be true with transport: tcp");
        assertThatThrownBy(() -> BridgeConfigLoader.load(write(dir,
                "core: { url: \"ftp://x\", printerId: a, token: b }\njournal: j\nprinter: { transport: file, path: x }\n")))
                .hasMessageEndingWith("core.url: must be the core's address such as http://10.0.0.5:8080, got 'ftp://x'");
    }
}
