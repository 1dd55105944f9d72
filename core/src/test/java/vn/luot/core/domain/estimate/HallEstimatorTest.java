package vn.luot.core.domain.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.domain.calling.CallPolicy;
import vn.luot.core.domain.ticket.Channel;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketStatus;

@DisplayName("HallEstimator: the wait estimate played forward by the real call policy")
class HallEstimatorTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate THURSDAY = LocalDate.of(2026, 11, 26);
    private static final Map<String, Duration> MEANS = Map.of("chung-thuc", Duration.ofMinutes(5),
            "ho-tich", Duration.ofMinutes(10), "tra-ket-qua", Duration.ofMinutes(4));
    private static final Map<String, Duration> TARGETS = Map.of("chung-thuc", Duration.ofMinutes(15),
            "ho-tich", Duration.ofMinutes(20), "tra-ket-qua", Duration.ofMinutes(10));
    private static final Function<String, Duration> MEAN = MEANS::get;
    private static final List<HallState.CallingPeriod> HOURS = List.of(
            period(LocalTime.of(7, 0), LocalTime.of(11, 30)), period(LocalTime.of(13, 30), LocalTime.of(17, 0)));

    private final HallEstimator estimator = new HallEstimator(new CallPolicy(2), TARGETS::get);
    private int numbers;

    private static Instant at(int hour, int minute) {
        return THURSDAY.atTime(hour, minute).atZone(ZONE).toInstant();
    }

    private static HallState.CallingPeriod period(LocalTime opens, LocalTime closes) {
        return new HallState.CallingPeriod(THURSDAY.atTime(opens).atZone(ZONE).toInstant(),
                THURSDAY.atTime(closes).atZone(ZONE).toInstant());
    }

    private Ticket ticket(String service, String priority, Instant issued) {
        numbers++;
        return new Ticket(UUID.randomUUID(), String.format("X%03d", numbers), THURSDAY, "hac-thanh", service, priority,
                Channel.KIOSK, TicketStatus.WAITING, issued, issued, null, null, null, null, null, 0, 1, null, null);
    }

    private static HallState.OpenCounter free(int id, String... services) {
        return HallState.OpenCounter.free(id, List.of(services), 0);
    }

    private static HallState hall(Instant now, List<HallState.OpenCounter> counters, List<Ticket> waiting) {
        return new HallState(now, HOURS, counters, waiting);
    }

    @Test
    @DisplayName("A ticket taken at 11:20 behind three others at one counter is called after the lunch break, at 13:35")
    void lunchBreak() {
        List<Ticket> ahead = List.of(ticket("chung-thuc", null, at(11, 0)), ticket("chung-thuc", null, at(11, 1)),
                ticket("chung-thuc", null, at(11, 2)));
        Ticket mine = ticket("chung-thuc", null, at(11, 20));

        WaitEstimate estimate = estimator.estimate(hall(at(11, 20), List.of(free(1, "chung-thuc")), ahead), mine, MEAN);

        assertThat(estimate.outcome()).isEqualTo(WaitEstimate.Outcome.EXPECTED);
        // 11:20 and 11:25 are called before closing at 11:30; the third at 13:30, this one at 13:35.
        assertThat(estimate.minutes()).isEqualTo(135);
        assertThat(BaselineWaitFormula.minutes(3, 1, MEAN.apply("chung-thuc"))).hasValue(15);
    }

    @Test
    @DisplayName("A counter that also serves another service calls that service's longer-waiting tickets first")
    void multiServiceCounters() {
        List<Ticket> waiting = new ArrayList<>(List.of(ticket("chung-thuc", null, at(8, 50)),
                ticket("chung-thuc", null, at(8, 51))));
        Ticket mine = ticket("tra-ket-qua", null, at(9, 0));

        WaitEstimate estimate = estimator.estimate(hall(at(9, 0),
                List.of(free(1, "chung-thuc", "tra-ket-qua"), free(2, "chung-thuc")), waiting), mine, MEAN);

        assertThat(estimate.minutes()).isEqualTo(5);
        assertThat(BaselineWaitFormula.minutes(0, 1, MEAN.apply("tra-ket-qua"))).hasValue(0);
    }

    @Test
    @DisplayName("Priority tickets issued after a normal ticket are still called before it")
    void priorityAhead() {
        Ticket mine = ticket("chung-thuc", null, at(8, 58));
        List<Ticket> waiting = List.of(mine, ticket("chung-thuc", "elderly", at(8, 59)),
                ticket("chung-thuc", "pregnant", at(8, 59)));

        Map<java.util.UUID, WaitEstimate> forecast = estimator.forecast(
                hall(at(9, 0), List.of(free(1, "chung-thuc")), waiting), MEAN);

        assertThat(forecast.get(mine.id()).minutes()).isEqualTo(10);
        assertThat(forecast.get(waiting.get(1).id()).minutes()).isZero();
        assertThat(forecast.get(waiting.get(2).id()).minutes()).isEqualTo(5);
    }

    @Test
    @DisplayName("A counter in the middle of a ticket is free when that ticket's mean service time is up")
    void midServiceCounter() {
        HallState.OpenCounter busy = new HallState.OpenCounter(3, List.of("ho-tich"), 0, "ho-tich", at(8, 56));
        Ticket mine = ticket("ho-tich", null, at(9, 0));

        assertThat(estimator.estimate(hall(at(9, 0), List.of(busy), List.of()), mine, MEAN).minutes()).isEqualTo(6);
    }

    @Test
    @DisplayName("A ticket that has already run past its mean service time still needs half a mean more")
    void counterPastItsMean() {
        HallState.OpenCounter busy = new HallState.OpenCounter(3, List.of("ho-tich"), 0, "ho-tich", at(8, 40));
        Ticket mine = ticket("ho-tich", null, at(9, 0));

        assertThat(estimator.estimate(hall(at(9, 0), List.of(busy), List.of()), mine, MEAN).minutes()).isEqualTo(5);
    }

    @Test
    @DisplayName("Played as the server plays (log-normal times), a counter's current ticket ends at the median of the time it still needs, which depends on how long it has run")
    void currentTicketByItsMedianRemainingTime() {
        LogNormalServiceTime distribution = new LogNormalServiceTime(0.8);
        PlayedTimes times = PlayedTimes.logNormal(MEAN, distribution);
        Ticket mine = ticket("ho-tich", null, at(9, 0));
        for (int startedMinutesAgo : List.of(0, 4, 10, 20)) {
            HallState.OpenCounter busy = new HallState.OpenCounter(3, List.of("ho-tich"), 0, "ho-tich",
                    at(9, 0).minus(Duration.ofMinutes(startedMinutesAgo)));
            long expected = distribution.medianRemainingMillis(MEAN.apply("ho-tich").toMillis(),
                    Duration.ofMinutes(startedMinutesAgo).toMillis());

            assertThat(estimator.estimate(hall(at(9, 0), List.of(busy), List.of()), mine, times).untilCall())
                    .as("started %d minutes ago", startedMinutesAgo).isEqualTo(Duration.ofMillis(expected));
        }
    }

    @Test
    @DisplayName("With no open counter serving the service there is no estimate, honestly")
    void noCounter() {
        Ticket mine = ticket("chung-thuc", null, at(9, 0));

        WaitEstimate none = estimator.estimate(hall(at(9, 0), List.of(), List.of()), mine, MEAN);
        WaitEstimate otherService = estimator.estimate(hall(at(9, 0), List.of(free(3, "ho-tich")), List.of()),
                mine, MEAN);

        assertThat(none.outcome()).isEqualTo(WaitEstimate.Outcome.NO_COUNTER);
        assertThat(none.minutes()).isNull();
        assertThat(otherService.outcome()).isEqualTo(WaitEstimate.Outcome.NO_COUNTER);
    }

    @Test
    @DisplayName("A ticket the counters will not reach before closing is told so, instead of a number of minutes")
    void notBeforeClosing() {
        List<Ticket> ahead = List.of(ticket("chung-thuc", null, at(16, 30)), ticket("chung-thuc", null, at(16, 31)));
        Ticket mine = ticket("chung-thuc", null, at(16, 50));

        WaitEstimate estimate = estimator.estimate(hall(at(16, 50), List.of(free(1, "chung-thuc")), ahead), mine, MEAN);

        assertThat(estimate.outcome()).isEqualTo(WaitEstimate.Outcome.NOT_BEFORE_CLOSING);
        assertThat(estimate.notBeforeClosing()).isTrue();
        assertThat(estimate.minutes()).isNull();
    }

    @Test
    @DisplayName("New tickets answered in the hall's one play wait exactly what each would wait if issued alone, in 300 random halls")
    void newTicketsInOnePlayEqualSeparatePlays() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        List<String> services = List.of("chung-thuc", "ho-tich", "tra-ket-qua");
        for (int hall = 0; hall < 300; hall++) {
            Instant now = at(7 + random.nextInt(10), random.nextInt(60));
            List<Ticket> waiting = new ArrayList<>();
            for (int k = random.nextInt(40); k > 0; k--) {
                waiting.add(ticket(services.get(random.nextInt(3)), random.nextInt(8) == 0 ? "elderly" : null,
                        now.minusSeconds(random.nextInt(3600))));
            }
            List<HallState.OpenCounter> counters = new ArrayList<>();
            for (int c = 1 + random.nextInt(4); c > 0; c--) {
                List<String> serves = random.nextBoolean() ? List.of(services.get(random.nextInt(3)))
                        : List.of(services.get(random.nextInt(3)), services.get(random.nextInt(3))).stream().distinct().toList();
                String busy = random.nextBoolean() ? serves.get(0) : null;
                counters.add(new HallState.OpenCounter(c, serves, random.nextInt(3), busy,
                        busy == null ? null : now.minusSeconds(random.nextInt(1200))));
            }
            HallState state = hall(now, counters, waiting);
            List<Ticket> newTickets = new ArrayList<>();
            for (String service : services) {
                newTickets.add(new Ticket(UUID.randomUUID(), "~".repeat(20), THURSDAY, "hac-thanh", service, null,
                        Channel.KIOSK, TicketStatus.WAITING, now, now, null, null, null, null, null, 0, 0, null, null));
            }
            newTickets.add(new Ticket(UUID.randomUUID(), "~".repeat(20), THURSDAY, "hac-thanh", "ho-tich", "pregnant",
                    Channel.KIOSK, TicketStatus.WAITING, now, now, null, null, null, null, null, 0, 0, null, null));

            for (PlayedTimes times : List.of(PlayedTimes.means(MEAN), PlayedTimes.logNormal(MEAN, new LogNormalServiceTime(0.8)))) {
                Map<UUID, WaitEstimate> together = estimator.forecast(state, newTickets, times);

                for (Ticket t : newTickets) {
                    assertThat(together.get(t.id())).as("hall %d, %s %s", hall, t.serviceId(), t.priorityGroup())
                            .isEqualTo(estimator.estimate(state, t, times));
                }
            }
        }
    }

    @Test
    @DisplayName("Once a normal ticket is past its target, at most two priority tickets in a row are called ahead of it")
    void antiStarvation() {
        Ticket overdue = ticket("chung-thuc", null, at(8, 30));
        List<Ticket> waiting = new ArrayList<>(List.of(overdue));
        for (int i = 0; i < 4; i++) {
            waiting.add(ticket("chung-thuc", "elderly", at(8, 58)));
        }

        Map<java.util.UUID, WaitEstimate> forecast = estimator.forecast(
                hall(at(9, 0), List.of(free(1, "chung-thuc")), waiting), MEAN);

        assertThat(forecast.get(overdue.id()).minutes()).isEqualTo(10);
    }

    @Test
    @DisplayName("A forecast played from call lines kept beside the hall gives the same estimates as one built from its tickets, and leaves the kept lines whole")
    void keptCallLines() {
        List<Ticket> waiting = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            waiting.add(ticket(i % 3 == 0 ? "ho-tich" : "chung-thuc", i % 7 == 0 ? "elderly" : null, at(8, i)));
        }
        Ticket sent = new Ticket(UUID.randomUUID(), "X999", THURSDAY, "hac-thanh", "chung-thuc", null, Channel.KIOSK,
                TicketStatus.WAITING, at(8, 40), at(8, 40), null, 2, null, null, null, 0, 1, null, null);
        waiting.add(sent);
        HallState state = hall(at(9, 0), List.of(free(1, "chung-thuc", "ho-tich"), free(2, "chung-thuc")), waiting);
        vn.luot.core.domain.calling.CallLines kept = new vn.luot.core.domain.calling.CallLines(waiting);
        List<Ticket> probes = List.of(ticket("chung-thuc", null, at(9, 0)), ticket("ho-tich", "elderly", at(9, 0)));
        PlayedTimes times = PlayedTimes.means(MEAN);

        Map<UUID, WaitEstimate> fromKept = estimator.forecast(state, kept, probes, times);

        assertThat(fromKept).isEqualTo(estimator.forecast(state, probes, times)).hasSize(33);
        assertThat(kept.size()).isEqualTo(31);
        assertThat(estimator.forecast(state, kept, probes, times)).isEqualTo(fromKept);
    }
}
