package vn.luot.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("YamlSettings: a YAML file read strictly onto records, every complaint naming its path")
class YamlSettingsTest {
    enum Transport { TCP, FILE }

    record Shop(Queue queue, List<Counter> counters) {
        Shop {
            Check.present(queue, "queue");
            counters = Check.optionalItems(counters, "counters");
        }
    }

    record Queue(int maxInRow, double smoothing, Integer early, String name, Transport transport) {
        Queue {
            Check.between(maxInRow, "maxInRow", 0, 100);
            Check.between(smoothing, "smoothing", 0.001, 1.0);
            early = Check.between(early, "early", 0, 240, 30);
            name = Check.optionalText(name, "hall");
        }
    }

    record Counter(int id, List<String> services) {
        Counter {
            services = Check.texts(services, "services");
        }
    }

    @TempDir
    Path dir;

    @Test
    @DisplayName("A good file reads onto the records: defaults for what is left out, enums in any case, texts trimmed")
    void readsAGoodFile() throws IOException {
        Shop shop = YamlSettings.read(write("""
                queue: { maxInRow: 2, smoothing: 0.2, transport: tcp }
                counters:
                  - { id: 1, services: [" a ", b] }
                """), Shop.class);

        assertThat(shop.queue()).isEqualTo(new Queue(2, 0.2, 30, "hall", Transport.TCP));
        assertThat(shop.counters().get(0).services()).containsExactly("a", "b");
    }

    @Test
    @DisplayName("Each kind of mistake is refused with the path of the key and what is wrong with it")
    void namesThePath() throws IOException {
        assertRefused("queue: { maxInRow: 2, smoothing: 2 }", "queue.smoothing: must be between 0.001 and 1.0, got 2.0");
        assertRefused("queue: { maxInRow: 200, smoothing: 0.2 }", "queue.maxInRow: must be between 0 and 100, got 200");
        assertRefused("queue: { smoothing: 0.2 }", "queue.maxInRow: is missing");
        assertRefused("queue: { maxInRow: abc, smoothing: 0.2 }", "queue.maxInRow: must be a whole number, got 'abc'");
        assertRefused("queue: { maxInRow: \"2\", smoothing: 0.2 }", "queue.maxInRow: must be a whole number, got '2'");
        assertRefused("queue: { maxInRow: 1.5, smoothing: 0.2 }", "queue.maxInRow: must be a whole number, got '1.5'");
        assertRefused("queue: { maxInRow: 2, smoothing: half }", "queue.smoothing: must be a number, got 'half'");
        assertRefused("queue: { maxInRow: 2, smoothing: 0.2, maxInRo: 2 }",
                "queue.maxInRo: is not a known setting (check its spelling)");
        assertRefused("queue: { maxInRow: 2, smoothing: 0.2, transport: usb }",
                "queue.transport: must be one of tcp, file, got 'usb'");
        assertRefused("queue: { maxInRow: 2, smoothing: 0.2, name: [a] }", "queue.name: must be a text value, got a list");
        assertRefused("queue: [1]", "queue: must be a mapping of keys to values, got a list");
        assertRefused("counters: [{ id: 1, services: [a, \" \"] }]\nqueue: { maxInRow: 2, smoothing: 0.2 }",
                "counters[0].services[1]: must not be empty");
        assertRefused("queue: { maxInRow: 2, smoothing: 0.2 }\ncounters: [{ id: 1, services: [a] }, { id: 2, services: x }]",
                "counters[1].services: must be a list, got 'x'");
        assertRefused("counters: []", "queue: is missing");
    }

    @Test
    @DisplayName("A key written twice is refused with its path instead of the last one silently winning")
    void refusesAKeyWrittenTwice() throws IOException {
        assertRefused("queue:\n  maxInRow: 2\n  smoothing: 0.2\n  maxInRow: 3\n",
                "queue.maxInRow: is written twice; keep one of them");
    }

    @Test
    @DisplayName("Broken YAML, a file that is not a mapping and a missing file are each said plainly")
    void otherFailures() throws IOException {
        assertThatThrownBy(() -> YamlSettings.read(write("queue: [unclosed"), Shop.class))
                .isInstanceOf(SettingsException.class).hasMessageContaining("is not valid YAML");
        assertThatThrownBy(() -> YamlSettings.read(write("- a list"), Shop.class))
                .hasMessageEndingWith(": must be a YAML mapping of settings");
        assertThatThrownBy(() -> YamlSettings.read(dir.resolve("missing.yaml"), Shop.class))
                .hasMessageEndingWith("missing.yaml: the configuration file does not exist");
    }

    private void assertRefused(String yaml, String message) throws IOException {
        Path file = write(yaml);
        assertThatThrownBy(() -> YamlSettings.read(file, Shop.class))
                .as(yaml)
                .isInstanceOf(SettingsException.class)
                .hasMessage(file + ": " + message);
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("settings.yaml"), yaml);
    }
}
