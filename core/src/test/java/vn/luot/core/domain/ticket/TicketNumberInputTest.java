package vn.luot.core.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TicketNumberInput: ticket numbers as staff type them")
class TicketNumberInputTest {

    @Test
    @DisplayName("Any case, missing leading zeros, a space or a dash: all read as the printed number")
    void typedFormsAreRead() {
        assertThat(TicketNumberInput.parse("A017")).contains("A017");
        assertThat(TicketNumberInput.parse("a17")).contains("A017");
        assertThat(TicketNumberInput.parse(" A 17 ")).contains("A017");
        assertThat(TicketNumberInput.parse("h-5")).contains("H005");
        assertThat(TicketNumberInput.parse("A0017")).contains("A017");
        assertThat(TicketNumberInput.parse("B1200")).contains("B1200");
    }

    @Test
    @DisplayName("Text without a prefix, without digits, or number zero is not a ticket number")
    void nonNumbersAreRejected() {
        assertThat(TicketNumberInput.parse("17")).isEmpty();
        assertThat(TicketNumberInput.parse("A")).isEmpty();
        assertThat(TicketNumberInput.parse("A000")).isEmpty();
        assertThat(TicketNumberInput.parse("A17B")).isEmpty();
        assertThat(TicketNumberInput.parse(null)).isEmpty();
    }
}
