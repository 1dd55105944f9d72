package vn.luot.bridge.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Reading the printer's DLE EOT status bytes")
class StatusBytesTest {

    @ParameterizedTest(name = "printer {0}, paper {1} -> {2}")
    @CsvSource({"0x12, 0x12, ONLINE", "0x12, 0x1E, PAPER_NEAR_END", "0x12, 0x72, PAPER_OUT", "0x12, 0x7E, PAPER_OUT",
            "0x1A, 0x12, OFFLINE", "0x1A, 0x72, PAPER_OUT"})
    @DisplayName("The paper sensor and the offline bit give the printer's condition; paper out wins")
    void conditions(String printer, String paper, PrinterCondition expected) {
        assertThat(StatusBytes.condition(Integer.decode(printer), Integer.decode(paper))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0x00", "0xFF", "0x41"})
    @DisplayName("A byte without the fixed status bits is not taken for a status")
    void refusesOtherBytes(String b) {
        assertThatThrownBy(() -> StatusBytes.condition(Integer.decode(b), 0x12)).isInstanceOf(IllegalArgumentException.class);
    }
}
