package vn.luot.bridge.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.text.Normalizer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Vietnamese in code page 1258")
class Cp1258TextTest {
    private static final Charset CP1258 = Charset.forName("windows-1258");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Số thứ tự", "Thời gian chờ dự kiến: khoảng 15 phút", "Người khuyết tật",
            "Đăng ký hộ kinh doanh", "Phụ nữ mang thai", "Hỗ trợ dịch vụ công trực tuyến", "ỄỸỰỢẴẶẬ ơư ĂÂÊÔƠƯĐ"})
    @DisplayName("Every letter with its tone mark reads back exactly, with no replacement character")
    void roundTrips(String text) {
        byte[] bytes = Cp1258Text.encode(text);

        assertThat(Normalizer.normalize(new String(bytes, CP1258), Normalizer.Form.NFC)).isEqualTo(text);
        assertThat(new String(bytes, CP1258)).doesNotContain("?");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ố", "ờ", "ẫ", "ặ"})
    @DisplayName("A letter CP1258 lacks is written as its shaped letter followed by the combining tone mark")
    void splitsToneMarks(String letter) {
        String split = Cp1258Text.splitToneMark(letter);

        assertThat(split).hasSize(2);
        assertThat(Character.getType(split.charAt(1))).isEqualTo((int) Character.NON_SPACING_MARK);
        assertThat(Normalizer.normalize(split, Normalizer.Form.NFC)).isEqualTo(letter);
    }
}
