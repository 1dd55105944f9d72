package vn.luot.core.domain.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("BookingCode: short codes people can read aloud without mistakes")
class BookingCodeTest {

    @Test
    @DisplayName("A code is six characters from an alphabet without 0, O, 1, I or L")
    void codesAvoidAmbiguousCharacters() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            String code = BookingCode.random(random);
            assertThat(code).hasSize(6).doesNotContain("0", "O", "1", "I", "L").matches("[A-Z2-9]{6}");
        }
    }

    @Test
    @DisplayName("Random codes spread over the alphabet: 2,000 codes are all different")
    void codesAreSpread() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            seen.add(BookingCode.random());
        }
        assertThat(seen).hasSize(2_000);
    }

    @Test
    @DisplayName("A typed code is read in any case, with spaces or dashes between groups")
    void typedCodesAreNormalised() {
        assertThat(BookingCode.parse("k7m2qx")).contains("K7M2QX");
        assertThat(BookingCode.parse(" K7M 2QX ")).contains("K7M2QX");
        assertThat(BookingCode.parse("K7M-2QX")).contains("K7M2QX");
    }

    @Test
    @DisplayName("Text that cannot be a code is not one: too short, too long, or with 0, O, 1, I, L")
    void nonCodesAreRejected() {
        assertThat(BookingCode.parse("K7M2Q")).isEmpty();
        assertThat(BookingCode.parse("K7M2QXY")).isEmpty();
        assertThat(BookingCode.parse("K7M2Q0")).isEmpty();
        assertThat(BookingCode.parse("KOM2QX")).isEmpty();
        assertThat(BookingCode.parse(null)).isEmpty();
    }
}
