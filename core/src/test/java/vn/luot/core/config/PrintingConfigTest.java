package vn.luot.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luot.core.domain.printing.PrinterDefinition;
import vn.luot.core.support.TestServer;

@DisplayName("The kiosk, printing and printers settings in config/default.yaml")
class PrintingConfigTest {

    private static Path edited(Path dir, String from, String to) throws Exception {
        String shipped = Files.readString(TestServer.shippedConfig());
        assertThat(shipped).contains(from);
        Path file = dir.resolve("default.yaml");
        Files.writeString(file, shipped.replace(from, to));
        return file;
    }

    @Test
    @DisplayName("The shipped file has a kiosk printer at each site and a guidance desk printer at each site")
    void shippedPrinters() {
        LuotConfig config = ConfigLoader.load(TestServer.shippedConfig(), Map.of());

        assertThat(config.printing().printers()).extracting(PrinterDefinition::id)
                .containsExactly("kiosk-1", "kiosk-2", "desk-hac-thanh", "desk-tinh");
        assertThat(config.printing().findPrinter("kiosk-2").orElseThrow().siteId()).isEqualTo("tinh");
        assertThat(config.printing().bridgeSilenceLimit()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.kiosk().numberShown()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.kiosk().numberShownPrinterOut()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.balancing().recommendation().minMinutesSaved()).isEqualTo(15);
        assertThat(config.balancing().travel().minutes("hac-thanh", "tinh")).isEqualTo(10);
    }

    @Test
    @DisplayName("A printer at an unknown site, a duplicate printer, a typo or a bad number stop the start and name the key")
    void mistakesNameTheKey(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ConfigLoader.load(edited(dir, "siteId: tinh\n    name: { vi: Máy lấy số",
                "siteId: tinhh\n    name: { vi: Máy lấy số"), Map.of()))
                .hasMessageEndingWith("printers[1].siteId: names no site defined under sites: 'tinhh'");
        assertThatThrownBy(() -> ConfigLoader.load(edited(dir, "id: kiosk-2", "id: kiosk-1"), Map.of()))
                .hasMessageEndingWith("printers[1].id: 'kiosk-1' is used twice; it must be unique");
        assertThatThrownBy(() -> ConfigLoader.load(edited(dir, "numberShownSeconds: 10", "numberShownSecond: 10"),
                Map.of())).hasMessageContaining("kiosk.numberShown");
        assertThatThrownBy(() -> ConfigLoader.load(edited(dir, "maxShareOfWait: 0.5", "maxShareOfWait: half"),
                Map.of())).hasMessageEndingWith("balancing.detourWorthIt.maxShareOfWait: must be a number, got 'half'");
        assertThatThrownBy(() -> ConfigLoader.load(edited(dir, "between: [hac-thanh, tinh]", "between: [hac-thanh, tinhh]"),
                Map.of())).hasMessageEndingWith("balancing.travelMinutes[0].between: names no site defined under sites: 'tinhh'");
        assertThatThrownBy(() -> ConfigLoader.load(edited(dir, "bridgeSilentSeconds: 45", "bridgeSilentSeconds: 1"),
                Map.of())).hasMessageEndingWith("printing.bridgeSilentSeconds: must be between 5 and 3600, got 1");
    }
}
