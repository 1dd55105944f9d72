package vn.luot.core.domain.limit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The hashed key a limit is counted under")
class HashedSubjectTest {

    @Test
    @DisplayName("It is the SHA-256 of the text in 64 lower-case hex digits, so no address or phone number is stored")
    void sha256InHex() {
        assertThat(HashedSubject.of("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(HashedSubject.of("booking|0912345678|2026-11-26")).hasSize(64).doesNotContain("0912345678");
    }
}
