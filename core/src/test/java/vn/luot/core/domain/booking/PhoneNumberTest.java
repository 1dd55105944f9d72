package vn.luot.core.domain.booking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PhoneNumber: Vietnamese mobile numbers in every written form, one stored form, masked in logs")
class PhoneNumberTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0912345678", "0912 345 678", "0912.345.678", "0912-345-678", "+84 912 345 678",
            "+84912345678", "84912345678", "84 912 345 678", " 0912 345 678 ", "(+84) 912 345 678"})
    @DisplayName("Every usual way of writing 0912 345 678 gives the same national form")
    void writtenForms(String written) {
        assertThat(PhoneNumber.parse(written)).contains(new PhoneNumber("0912345678"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0321234567", "0561234567", "0761234567", "0861234567", "0961234567"})
    @DisplayName("Mobile numbers start 03, 05, 07, 08 or 09")
    void mobilePrefixes(String written) {
        assertThat(PhoneNumber.parse(written)).map(PhoneNumber::national).contains(written);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "abc", "0912", "091234567", "09123456789", "0212345678", "0412345678", "0612345678",
            "02373852123", "+1 912 345 678", "+85 912 345 678", "849123456789", "0912 345 67a", "1912345678",
            "++84912345678"})
    @DisplayName("Landlines, foreign numbers, too short or too long numbers and text are not Vietnamese mobiles")
    void notMobiles(String written) {
        assertThat(PhoneNumber.parse(written)).isEmpty();
    }

    @Test
    @DisplayName("The gateway gets the international form 84…, without the leading 0")
    void internationalForm() {
        assertThat(PhoneNumber.parse("0912 345 678").orElseThrow().international()).isEqualTo("84912345678");
    }

    @Test
    @DisplayName("Logs get only the masked form 09xx xxx 678, also from its text, and anything else is hidden")
    void maskedForm() {
        PhoneNumber phone = PhoneNumber.parse("+84 912 345 678").orElseThrow();

        assertThat(phone.masked()).isEqualTo("09xx xxx 678");
        assertThat(phone.toString()).isEqualTo("09xx xxx 678").doesNotContain("12345");
        assertThat(PhoneNumber.mask("0912345678")).isEqualTo("09xx xxx 678");
        assertThat(PhoneNumber.mask("02373 852 123")).isEqualTo("(hidden)");
    }
}
