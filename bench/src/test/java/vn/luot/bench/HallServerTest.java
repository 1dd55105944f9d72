package vn.luot.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The bench's request for a fresh server for the display and phones phases, and the script's answer")
class HallServerTest {
    @Test
    @DisplayName("The script's answer gives the fresh server's URL, its pid and its PostgreSQL's postmaster pid")
    void answerParsed() throws IOException {
        HallServer.Started started = HallServer.Started.parse("http://localhost:41234 4321 4400\n");

        assertThat(started.url()).isEqualTo(URI.create("http://localhost:41234"));
        assertThat(started.serverPid()).isEqualTo(4321);
        assertThat(started.postmasterPid()).isEqualTo(4400);
    }

    @Test
    @DisplayName("An answer without a port or without both pids is refused with the answer in the message")
    void malformedAnswerRefused() {
        assertThatThrownBy(() -> HallServer.Started.parse("http://localhost 4321 4400"))
                .isInstanceOf(IOException.class).hasMessageContaining("'http://localhost 4321 4400'");
        assertThatThrownBy(() -> HallServer.Started.parse("http://localhost:41234 4321"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> HallServer.Started.parse("http://localhost:41234 x 4400"))
                .isInstanceOf(IOException.class);
    }

    @Test
    @DisplayName("A bench that needs no fresh server says so, so the script stops waiting for its request")
    void declineSaysNone(@TempDir Path dir) throws IOException {
        Path request = dir.resolve("fresh.request");

        HallServer.decline(request);

        assertThat(Files.readString(request)).isEqualTo("none\n");
    }
}
