package vn.luot.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PasswordHasher")
class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    @DisplayName("A hash verifies its own password only, and never contains it")
    void verifies() {
        String hash = hasher.hash("mật-khẩu-dài-đủ");

        assertThat(hash).startsWith("pbkdf2-sha256$1000$").doesNotContain("mật-khẩu");
        assertThat(hasher.verify("mật-khẩu-dài-đủ", hash)).isTrue();
        assertThat(hasher.verify("mật-khẩu-dài-sai", hash)).isFalse();
    }

    @Test
    @DisplayName("The same password gets a different salt each time")
    void salted() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    @DisplayName("A malformed stored hash never matches")
    void malformedNeverMatches() {
        assertThat(hasher.verify("x", "plain-text")).isFalse();
        assertThat(hasher.verify("x", null)).isFalse();
        assertThat(hasher.verify("x", "pbkdf2-sha256$abc$$")).isFalse();
    }
}
