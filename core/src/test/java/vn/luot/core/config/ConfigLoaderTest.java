package vn.luot.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.luot.core.support.TestServer;

@DisplayName("ConfigLoader: config/default.yaml and the environment")
class ConfigLoaderTest {
    private static final Path SHIPPED = TestServer.shippedConfig();

    @TempDir
    Path dir;

    @Test
    @DisplayName("The shipped file describes Hạc Thành ward: 2 sites, 8 services, 11 counters, 5 priority groups")
    void shippedConfiguration() {
        LuotConfig config = ConfigLoader.load(SHIPPED, Map.of());

        assertThat(config.catalogue().sites()).hasSize(2);
        assertThat(config.catalogue().services()).hasSize(8);
        assertThat(config.catalogue().counters()).hasSize(11);
        assertThat(config.catalogue().priorityGroups()).hasSize(5);
        assertThat(config.catalogue().timeZone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(config.catalogue().site("tinh").offers("kinh-doanh")).isFalse();
        assertThat(config.catalogue().site("hac-thanh").openingHours().on(DayOfWeek.SATURDAY).get(0).opens())
                .isEqualTo(LocalTime.of(7, 30));
        assertThat(config.server().port()).isEqualTo(8080);
        assertThat(config.database().embedded()).isTrue();
        assertThat(config.queue().maxPriorityCallsInRow()).isEqualTo(2);
        assertThat(config.dataDir()).isEqualTo(Path.of("data"));
        assertThat(config.arrivalProfile()).hasSize(9);
    }

    @Test
    @DisplayName("Environment variables override the port, data directory, database and public address")
    void environmentOverrides() {
        LuotConfig config = ConfigLoader.load(SHIPPED, Map.of("LUOT_PORT", "9090", "LUOT_DATA_DIR", "/var/lib/luot",
                "LUOT_DB_URL", "postgresql://luot@db:5432/luot", "LUOT_PUBLIC_URL", "https://luot.example.vn/",
                "LUOT_ADMIN_PASSWORD", "secret-password"));

        assertThat(config.server().port()).isEqualTo(9090);
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/luot"));
        assertThat(config.database().url()).isEqualTo("postgresql://luot@db:5432/luot");
        assertThat(config.server().publicUrl()).isEqualTo("https://luot.example.vn");
        assertThat(config.security().adminPassword()).isEqualTo("secret-password");
        assertThat(config.security().toString()).doesNotContain("secret-password");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a word where a number belongs | 'targetWaitMinutes: 15' | 'targetWaitMinutes: abc'     | services[0].targetWaitMinutes: must be a whole number, got 'abc'",
        "a misspelled key              | 'targetWaitMinutes: 15' | 'targetWaitMinute: 15'       | services[0].targetWaitMinutes: is missing",
        "an unknown key                | 'maxBodyBytes: 65536'   | 'maxBodyByte: 65536'         | server.maxBodyBytes: is missing",
        "a duplicate prefix            | 'prefix: B'             | 'prefix: A'                  | services[1].prefix: 'A' is used twice; it must be unique",
        "a lower-case prefix           | 'prefix: A'             | 'prefix: a'                  | services[0].prefix: must be one to three capital letters (A-Z), got 'a'",
        "a wrong time zone             | 'timeZone: Asia/Ho_Chi_Minh' | 'timeZone: Asia/Hanoi_City' | centre.timeZone: is not a known time zone",
        "a counter service not offered | '- { id: 21, services: [chung-thuc, tra-ket-qua] }' | '- { id: 21, services: [kinh-doanh] }' | sites[1].counters[0].services[0]: 'kinh-doanh' is not among the services of site 'tinh'",
        "a counter listed twice        | '- { id: 22,'           | '- { id: 21,'                | sites[1].counters[1].id: '21' is used twice",
        "opening hours back to front   | 'sat: [\"07:30-11:30\"]' | 'sat: [\"11:30-07:30\"]'    | sites[0].openingHours.sat[0]: must be a time range",
        "a port out of range           | 'port: 8080'            | 'port: 80800'                | server.port: must be between 0 and 65535, got 80800",
        "shares not adding up to 1     | 'shareOfArrivals: 0.30' | 'shareOfArrivals: 0.10'      | services: the shareOfArrivals values add up to 0.80",
        "a smoothing weight above 1    | 'serviceTimeSmoothing: 0.2' | 'serviceTimeSmoothing: 2' | queue.serviceTimeSmoothing: must be between 0.001 and 1.0, got 2.0",
        "a log smoothing weight of 0   | 'serviceTimeLogSmoothing: 0.1' | 'serviceTimeLogSmoothing: 0' | queue.serviceTimeLogSmoothing: must be between 0.001 and 1.0, got 0.0",
        "an estimate share of 0        | 'estimateCpuShare: 0.2' | 'estimateCpuShare: 0'       | queue.estimateCpuShare: must be between 0.01 and 1.0, got 0.0",
        "a number where true belongs   | 'numbersOnlyInOpeningHours: true' | 'numbersOnlyInOpeningHours: 1' | queue.numbersOnlyInOpeningHours: must be true or false, got '1'",
        "a quoted number               | 'poolSize: 16'          | 'poolSize: \"16\"'           | database.poolSize: must be a whole number, got '16'",
        "a missing template            | '    reminder: \"Nhac'  | '    reminderr: \"Nhac'       | notify.templates.reminder: is missing",
        "a holiday that is no date     | '- 2026-01-01'          | '- 2026-13-01'               | booking.publicHolidays[0]: must be a date such as 2027-02-06, got '2026-13-01'",
        "places for an unknown site    | 'tinh: { dat-dai: 1 }'  | 'tinhh: { dat-dai: 1 }'      | booking.placesPerSlot.sites.tinhh: names no site defined under sites",
    })
    @DisplayName("A bad value stops the start with a message naming the key and what is wrong")
    void badValuesNameTheKey(String why, String original, String replacement, String message) throws IOException {
        Path file = variant(original, replacement);

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .as(why)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ": " + message);
    }

    @Test
    @DisplayName("A key written twice in the same block is refused with its name, instead of the last one silently winning")
    void duplicateKeyIsRefused() throws IOException {
        Path file = variant("  firstCallRepeats: 2", "  firstCallRepeats: 2\n  firstCallRepeats: 3");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("announcements.firstCallRepeats: is written twice; keep one of them");
    }

    @Test
    @DisplayName("Group commit for issuing is read from database.issueBatch, and a wrong value there stops the start naming it")
    void issueBatchSettings() throws IOException {
        LuotConfig.IssueBatch shipped = ConfigLoader.load(SHIPPED, Map.of()).database().issueBatch();
        assertThat(shipped).isEqualTo(new LuotConfig.IssueBatch(java.time.Duration.ofMillis(2), 64, 4));

        Path file = variant("    maxSize: 64", "    maxSize: 0");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("database.issueBatch.maxSize");
    }

    @Test
    @DisplayName("server.trustedProxies is read as addresses and subnets, and an entry that is neither stops the start naming its place")
    void trustedProxies() throws IOException {
        assertThat(ConfigLoader.load(SHIPPED, Map.of()).server().trustedProxies().isEmpty()).isTrue();
        Path good = variant("  trustedProxies: []", "  trustedProxies: [\"10.0.0.0/8\", \"192.0.2.1\", \"fd00::/8\"]");
        assertThat(ConfigLoader.load(good, Map.of()).server().trustedProxies().clientOf("10.1.2.3", List.of("203.0.113.7")))
                .isEqualTo("203.0.113.7");

        Path bad = variant("  trustedProxies: []", "  trustedProxies: [\"10.0.0.0/8\", \"proxy.example\"]");
        assertThatThrownBy(() -> ConfigLoader.load(bad, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("server.trustedProxies[1]: must be an IP address or a subnet such as 10.0.0.0/8, "
                        + "got 'proxy.example'");
    }

    @Test
    @DisplayName("A key the loader does not know is reported as a probable typo")
    void unknownKeyIsReported() throws IOException {
        Path file = variant("announcements:", "announcement:\n  firstCallRepeats: 2\nannouncements:");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .hasMessageContaining("announcement: is not a known setting (check its spelling)");
    }

    @Test
    @DisplayName("Broken YAML, a missing file and bad environment values are reported clearly")
    void otherFailures() throws IOException {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "centre: [unclosed");

        assertThatThrownBy(() -> ConfigLoader.load(broken, Map.of())).hasMessageContaining("is not valid YAML");
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("missing.yaml"), Map.of()))
                .hasMessageContaining("the configuration file does not exist");
        assertThatThrownBy(() -> ConfigLoader.load(SHIPPED, Map.of("LUOT_PORT", "eighty")))
                .hasMessage("LUOT_PORT: must be a whole number, got 'eighty'");
        assertThatThrownBy(() -> ConfigLoader.load(SHIPPED, Map.of("LUOT_DB_URL", "mysql://x")))
                .hasMessageContaining("LUOT_DB_URL: must start with postgresql://");
        assertThatThrownBy(() -> ConfigLoader.load(SHIPPED, Map.of("LUOT_JWT_SECRET", "short")))
                .hasMessageContaining("LUOT_JWT_SECRET: must be at least 32 characters long");
    }

    private Path variant(String original, String replacement) throws IOException {
        String shipped = Files.readString(SHIPPED);
        assertThat(shipped).contains(original);
        Path file = dir.resolve("variant.yaml");
        Files.writeString(file, shipped.replaceFirst(java.util.regex.Pattern.quote(original),
                java.util.regex.Matcher.quoteReplacement(replacement)));
        return file;
    }
}
