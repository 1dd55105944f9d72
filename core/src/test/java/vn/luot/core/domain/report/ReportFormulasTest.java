package vn.luot.core.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.domain.report.Intervals.Span;

/** The statistics and time arithmetic under the report figures, without a server. */
@DisplayName("Report formulas: median, nearest-rank percentile, and open, busy and waiting time spans")
class ReportFormulasTest {
    private static final Instant T0 = Instant.parse("2026-11-26T01:30:00Z");

    @Test
    @DisplayName("The median of an even count is the mean of the middle two; the 90th percentile is the nearest rank")
    void medianAndPercentile() {
        Distribution d = new Distribution();
        for (int minutes : new int[] {26, 5, 11, 8, 14, 11, 3, 40, 1, 7}) {
            d.add(Duration.ofMinutes(minutes));
        }
        // Sorted: 1 3 5 7 8 11 11 14 26 40.
        assertThat(d.medianMinutes()).isEqualTo(9.5);
        assertThat(d.percentileMinutes(90)).isEqualTo(26.0);
        assertThat(d.maxMinutes()).isEqualTo(40.0);
        assertThat(d.meanMinutes()).isEqualTo(12.6);
    }

    @Test
    @DisplayName("An empty distribution has no figures rather than zeros")
    void emptyHasNoFigures() {
        Distribution d = new Distribution();
        assertThat(d.meanMinutes()).isNull();
        assertThat(d.medianMinutes()).isNull();
        assertThat(d.percentileMinutes(90)).isNull();
    }

    @Test
    @DisplayName("Idle time is open time minus busy time, counted only while someone waited")
    void idleWhileWaiting() {
        Intervals open = Intervals.of(List.of(span(0, 60)));
        Intervals busy = Intervals.of(List.of(span(5, 12), span(30, 44)));
        Intervals waiting = Intervals.of(List.of(span(0, 5), span(2, 10), span(4, 30), span(40, 70)));

        Intervals idle = open.minus(busy).intersect(waiting);

        assertThat(idle.spans()).containsExactly(span(0, 5), span(12, 30), span(44, 60));
        assertThat(idle.total()).isEqualTo(Duration.ofMinutes(39));
    }

    @Test
    @DisplayName("A counter paused for a break is not open during the break, and a counter still open runs to the end")
    void counterTime() {
        CounterTime counter = new CounterTime(3);
        counter.apply(new CounterEvent(at(0), "counter.opened", 3, "b", "hac-thanh"));
        counter.apply(new CounterEvent(at(14), "ticket.called", 3, "b", "hac-thanh"));
        counter.apply(new CounterEvent(at(34), "ticket.completed", 3, "b", "hac-thanh"));
        counter.apply(new CounterEvent(at(45), "counter.paused", 3, "b", "hac-thanh"));
        counter.apply(new CounterEvent(at(50), "counter.resumed", 3, "b", "hac-thanh"));
        counter.finish(at(60));

        assertThat(counter.openSpans()).extracting(CounterTime.OpenSpan::span)
                .containsExactly(span(0, 45), span(50, 60));
        assertThat(counter.openSpans()).allMatch(s -> s.staff().equals("b"));
        assertThat(counter.busy().spans()).containsExactly(span(14, 34));
    }

    @Test
    @DisplayName("A booking is within its window when first called before its slot ends; an estimate off by exactly 5 minutes is right")
    void bookingWindowAndEstimateTolerance() {
        ReportBuilder builder = new ReportBuilder(GroupBy.DAY, java.time.ZoneId.of("Asia/Ho_Chi_Minh"),
                service -> Duration.ofMinutes(15), at(120), Duration.ofMinutes(15));
        // Slot at minute 30: one called at 44 (within), one at 46 (after the slot ended).
        builder.add(booked(0, 44, 30, 39));
        builder.add(booked(1, 46, 30, 44));

        Figures total = builder.build().total();

        assertThat(total.get(Kpi.BOOKINGS_IN_WINDOW_SHARE)).isEqualTo(0.5);
        // Waits 44 and 46 against estimates 39 and 44: errors 5 (right) and 2 (right).
        assertThat(total.get(Kpi.ESTIMATE_WITHIN_5_SHARE)).isEqualTo(1.0);
        assertThat(total.get(Kpi.ESTIMATE_MEAN_ABSOLUTE_ERROR)).isEqualTo(3.5);
    }

    private static ReportTicket booked(int n, int calledAt, int slotAt, int estimate) {
        return new ReportTicket(java.util.UUID.randomUUID(), "A00" + n, java.time.LocalDate.of(2026, 11, 26), 8,
                "hac-thanh", "chung-thuc", vn.luot.core.domain.ticket.Channel.BOOKING,
                vn.luot.core.domain.ticket.TicketStatus.COMPLETED, at(0), at(calledAt), at(calledAt), at(calledAt),
                at(calledAt + 5), 2, "lan", estimate, at(slotAt), 0, 0, null, null);
    }

    private static Span span(int from, int to) {
        return new Span(at(from), at(to));
    }

    private static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }
}
