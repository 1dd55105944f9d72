package vn.luot.core.domain.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.domain.ticket.Channel;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketStatus;

@DisplayName("CounterDay: a counter's figures of the day")
class CounterDayTest {
    private static final Instant T0 = Instant.parse("2026-11-26T01:30:00Z");

    private static Ticket finished(TicketStatus status, Instant called, Instant serving, Duration after) {
        Instant start = serving != null ? serving : called;
        return new Ticket(UUID.randomUUID(), "A001", LocalDate.of(2026, 11, 26), "hac-thanh", "chung-thuc", null,
                Channel.KIOSK, status, T0, T0, 1, null, called, serving, start.plus(after), 1, 5, null, null);
    }

    @Test
    @DisplayName("Served counts completed tickets; the average runs from the start of service to the end")
    void servedAndAverage() {
        CounterDay day = CounterDay.of(List.of(
                finished(TicketStatus.COMPLETED, T0, T0.plusSeconds(30), Duration.ofMinutes(4)),
                finished(TicketStatus.COMPLETED, T0, T0.plusSeconds(60), Duration.ofMinutes(6)),
                finished(TicketStatus.NO_SHOW, T0, null, Duration.ofMinutes(2))));

        assertThat(day.served()).isEqualTo(2);
        assertThat(day.averageServiceTime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(day.noShows()).isEqualTo(1);
    }

    @Test
    @DisplayName("A ticket completed without pressing start counts its service from the call")
    void completedWithoutStartCountsFromTheCall() {
        CounterDay day = CounterDay.of(List.of(finished(TicketStatus.COMPLETED, T0, null, Duration.ofMinutes(3))));

        assertThat(day.averageServiceTime()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    @DisplayName("Before the first completed ticket there is no average, and nothing is served")
    void emptyDay() {
        CounterDay day = CounterDay.of(List.of());

        assertThat(day.served()).isZero();
        assertThat(day.averageServiceTime()).isNull();
        assertThat(day.noShows()).isZero();
    }
}
