package vn.luot.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luot.core.support.TestServer;

@DisplayName("scripts/simulate: the command line")
class SimulateCommandTest {

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = TestServer.shippedConfig().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = SimulateCommand.run(SimulateOptions.parse(all), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("--json gives per site and service the waits and both estimates' errors, the same for the same seed; --plot draws the day with the bundle's labels, Vietnamese first")
    void jsonIsReproducible(@TempDir Path dir) throws Exception {
        Path plot = dir.resolve("day.svg");
        JsonObject first = new JsonObject(run("--days", "3", "--seed", "5", "--json", "--plot", plot.toString()));
        JsonObject again = new JsonObject(run("--days", "3", "--seed", "5", "--json"));

        assertThat(first.getJsonObject("overall").getDouble("ticketsPerDay")).isGreaterThan(100);
        assertThat(first.getJsonObject("overall").getJsonObject("estimate").containsKey("maeMinutes")).isTrue();
        assertThat(first.getJsonObject("overall").getJsonObject("oldFormula").containsKey("maeMinutes")).isTrue();
        assertThat(first.getJsonArray("sites")).hasSize(2);
        first.remove("daysPerMinute");
        again.remove("daysPerMinute");
        assertThat(again).isEqualTo(first);
        assertThat(Files.readString(plot)).startsWith("<svg").contains("hac-thanh · chung-thuc")
                .contains("Ngày mô phỏng 2026-11-26 (seed ", "Simulated day 2026-11-26 (seed ", "đang chờ / waiting",
                        "phút / minutes");
    }

    @Test
    @DisplayName("A wrong option is refused with a message that names it")
    void wrongOptions() {
        assertThatThrownBy(() -> SimulateOptions.parse(new String[] {"--days", "many"}))
                .hasMessageContaining("--days");
        assertThatThrownBy(() -> SimulateOptions.parse(new String[] {"--date", "someday"}))
                .hasMessageContaining("--date");
        assertThatThrownBy(() -> SimulateOptions.parse(new String[] {"--colour"})).hasMessageContaining("--colour");
    }
}
