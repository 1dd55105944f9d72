package vn.luot.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The generated token key file")
class JwtSecretTest {

    @Test
    @DisplayName("It is created readable and writable by its owner only, and read back the same on the next start")
    void ownerOnlyAndStable(@TempDir Path dir) throws Exception {
        String first = JwtSecret.resolve(null, dir);
        Path file = dir.resolve(JwtSecret.FILE);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first).hasSizeGreaterThanOrEqualTo(32);
        assertThat(JwtSecret.resolve(null, dir)).isEqualTo(first);
    }

    @Test
    @DisplayName("A configured key is used as given and no file is written")
    void configuredKey(@TempDir Path dir) throws Exception {
        assertThat(JwtSecret.resolve("a-configured-secret-of-at-least-32-chars", dir))
                .isEqualTo("a-configured-secret-of-at-least-32-chars");
        assertThat(Files.exists(dir.resolve(JwtSecret.FILE))).isFalse();
    }
}
