package vn.luot.core.domain.booking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PhoneDigits: one form for the phone numbers staff search by")
class PhoneDigitsTest {

    @Test
    @DisplayName("Spaces, dots and dashes go; the national form stays")
    void separatorsGo() {
        assertThat(PhoneDigits.of("0912 345 678")).contains("0912345678");
        assertThat(PhoneDigits.of("0912.345.678")).contains("0912345678");
        assertThat(PhoneDigits.of("0912-345-678")).contains("0912345678");
    }

    @Test
    @DisplayName("The country code +84, or 84 before nine digits, becomes the leading 0")
    void countryCodeBecomesZero() {
        assertThat(PhoneDigits.of("+84 912 345 678")).contains("0912345678");
        assertThat(PhoneDigits.of("84912345678")).contains("0912345678");
    }

    @Test
    @DisplayName("Text that is not a phone number gives nothing")
    void notAPhone() {
        assertThat(PhoneDigits.of("abc")).isEmpty();
        assertThat(PhoneDigits.of("12")).isEmpty();
        assertThat(PhoneDigits.of(null)).isEmpty();
    }
}
