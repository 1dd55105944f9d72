package vn.luot.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.domain.ticket.ServiceDay;
import vn.luot.core.domain.ticket.TicketNumbering;

@DisplayName("Ticket numbering and the service day")
class TicketNumberingTest {
    private static final ZoneId CENTRE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    @DisplayName("A number is the prefix and at least three digits")
    void formats() {
        assertThat(TicketNumbering.format("A", 1)).isEqualTo("A001");
        assertThat(TicketNumbering.format("B", 17)).isEqualTo("B017");
        assertThat(TicketNumbering.format("H", 999)).isEqualTo("H999");
        assertThat(TicketNumbering.format("A", 1000)).isEqualTo("A1000");
    }

    @Test
    @DisplayName("Numbers sort as people read them: A999 before A1000")
    void readingOrder() {
        assertThat(java.util.stream.Stream.of("A1000", "A999", "A010", "A002")
                .sorted(TicketNumbering.READING_ORDER).toList()).containsExactly("A002", "A010", "A999", "A1000");
    }

    @Test
    @DisplayName("Sequences start at 1")
    void startsAtOne() {
        assertThatThrownBy(() -> TicketNumbering.format("A", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("Each prefix has its own sequence per day, with a name safe for SQL")
    void sequencePerPrefixAndDay() {
        assertThat(TicketNumbering.sequenceName(LocalDate.of(2026, 11, 27), "A")).isEqualTo("ticket_seq_20261127_a");
        assertThat(TicketNumbering.sequenceName(LocalDate.of(2026, 11, 28), "A")).isEqualTo("ticket_seq_20261128_a");
        assertThatThrownBy(() -> TicketNumbering.sequenceName(LocalDate.of(2026, 11, 27), "a; DROP TABLE tickets"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("The service day follows the centre's clock: 00:30 in Thanh Hóa is already the next day")
    void serviceDayInTheCentresZone() {
        Instant lateEvening = Instant.parse("2026-11-26T16:30:00Z"); // 23:30 on the 26th, local
        Instant afterMidnight = Instant.parse("2026-11-26T17:30:00Z"); // 00:30 on the 27th, local; still the 26th in UTC

        assertThat(ServiceDay.of(lateEvening, CENTRE)).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(ServiceDay.of(afterMidnight, CENTRE)).isEqualTo(LocalDate.of(2026, 11, 27));
    }
}
