package vn.luot.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.domain.Tickets.MORNING;
import static vn.luot.core.domain.Tickets.waiting;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.domain.board.ForecastBudget;
import vn.luot.core.domain.board.SiteBoard;
import vn.luot.core.domain.catalogue.CounterDefinition;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.catalogue.OpeningHours;
import vn.luot.core.domain.catalogue.ServiceDefinition;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.domain.counter.Counter;
import vn.luot.core.domain.counter.Desk;
import vn.luot.core.domain.counter.DeskChange;
import vn.luot.core.domain.calling.CallPolicy;
import vn.luot.core.domain.estimate.HallEstimator;
import vn.luot.core.domain.estimate.ServiceTimeAverages;
import vn.luot.core.domain.event.EventType;
import vn.luot.core.domain.event.QueueEvent;
import vn.luot.core.domain.ticket.Ticket;

@DisplayName("SiteBoard: a hall's live picture, kept by applying events")
class SiteBoardTest {
    private static final Actor LAN = new Actor("lan", Role.OPERATOR);
    private final ServiceDefinition chungThuc = new ServiceDefinition("chung-thuc", "A",
            new LocalizedText("Chứng thực", "Certification"), Duration.ofMinutes(5), Duration.ofMinutes(15), 1.0);
    private final SiteDefinition site = new SiteDefinition("hac-thanh", new LocalizedText("Hạc Thành", "Hac Thanh"),
            List.of("chung-thuc"), allDay(),
            List.of(new CounterDefinition(1, "hac-thanh", List.of("chung-thuc"))));
    private final ServiceTimeAverages averages = new ServiceTimeAverages(List.of(chungThuc), 0.2);
    private final HallEstimator estimator = new HallEstimator(new CallPolicy(2), id -> chungThuc.targetWait());
    /** The budget's wall clock, in nanoseconds, moved by the tests; plays cost nothing unless charged. */
    private final AtomicLong budgetClock = new AtomicLong();
    private final ForecastBudget budget = new ForecastBudget(0.2, budgetClock::get, () -> 0L);
    private final SiteBoard board = new SiteBoard(site, averages, 8, estimator, ZoneId.of("Asia/Ho_Chi_Minh"), budget);
    /** When the board is asked: a few minutes after the first tickets. */
    private static final Instant NOW = MORNING.plus(Duration.ofMinutes(3));

    private static OpeningHours allDay() {
        Map<DayOfWeek, List<OpeningHours.Period>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, List.of(new OpeningHours.Period(LocalTime.of(7, 0), LocalTime.of(17, 0))));
        }
        return new OpeningHours(days);
    }

    private Counter openCounter() {
        DeskChange opened = new Desk(Counter.closed(1, "hac-thanh", List.of("chung-thuc")), null, LAN)
                .open(List.of("chung-thuc"));
        board.apply(QueueEvent.of(opened, MORNING));
        return opened.counter();
    }

    private Ticket issue(String number, String priority, int minute) {
        Ticket t = waiting(number, "chung-thuc", priority, MORNING.plus(Duration.ofMinutes(minute)));
        board.apply(QueueEvent.ofTicket(EventType.TICKET_ISSUED, t, t.issuedAt()));
        return t;
    }

    @Test
    @DisplayName("Issued tickets line up; priority ones count ahead of normal ones")
    void linesUp() {
        openCounter();
        Ticket a1 = issue("A001", null, 0);
        Ticket a2 = issue("A002", null, 1);
        Ticket p = issue("A003", "elderly", 2);

        assertThat(board.queue("chung-thuc", NOW).waiting()).isEqualTo(3);
        assertThat(board.queue("chung-thuc", NOW).oldestQueuedSince()).isEqualTo(a1.queuedSince());
        assertThat(board.standing(p, NOW).position()).isZero();
        assertThat(board.standing(a1, NOW).position()).isEqualTo(1);
        assertThat(board.standing(a2, NOW).position()).isEqualTo(2);
        assertThat(board.standing(a2, NOW).estimatedWaitMinutes()).isEqualTo(10);
    }

    @Test
    @DisplayName("A call moves the ticket from its line to the counter and into the latest calls")
    void callMovesTicketToCounter() {
        Counter counter = openCounter();
        Ticket a1 = issue("A001", null, 0);
        DeskChange called = new Desk(counter, null, LAN).call(a1, MORNING.plusSeconds(600));

        board.apply(QueueEvent.of(called, MORNING.plusSeconds(600)));

        assertThat(board.queue("chung-thuc", NOW).waiting()).isZero();
        assertThat(board.counters().get(0).current().number()).isEqualTo("A001");
        assertThat(board.recentCalls()).extracting(c -> c.number()).containsExactly("A001");
    }

    @Test
    @DisplayName("An older state of a ticket arriving late is ignored")
    void staleEventsIgnored() {
        Counter counter = openCounter();
        Ticket a1 = issue("A001", null, 0);
        DeskChange called = new Desk(counter, null, LAN).call(a1, MORNING.plusSeconds(60));
        board.apply(QueueEvent.of(called, MORNING.plusSeconds(60)));

        boolean applied = board.apply(QueueEvent.ofTicket(EventType.TICKET_ISSUED, a1, a1.issuedAt()));

        assertThat(applied).isFalse();
        assertThat(board.queue("chung-thuc", NOW).waiting()).isZero();
    }

    @Test
    @DisplayName("Applying the same event twice changes nothing the second time")
    void idempotent() {
        openCounter();
        Ticket a1 = waiting("A001", "chung-thuc", null, MORNING);
        QueueEvent issued = QueueEvent.ofTicket(EventType.TICKET_ISSUED, a1, MORNING);

        assertThat(board.apply(issued)).isTrue();
        assertThat(board.apply(issued)).isFalse();
        assertThat(board.queue("chung-thuc", NOW).waiting()).isEqualTo(1);
    }

    @Test
    @DisplayName("With no counter open the line has no estimate")
    void noEstimateWithoutCounters() {
        issue("A001", null, 0);

        assertThat(board.queue("chung-thuc", NOW).estimatedWaitMinutes()).isNull();
        assertThat(board.queue("chung-thuc", NOW).countersOpen()).isZero();
    }

    @Test
    @DisplayName("A long line still answers positions from both ends")
    void longLine() {
        openCounter();
        Ticket first = issue("A001", null, 0);
        Ticket last = null;
        for (int i = 2; i <= 5000; i++) {
            last = issue(String.format("A%03d", i), null, 0);
        }

        assertThat(board.standing(first, NOW).position()).isZero();
        assertThat(board.standing(last, NOW).position()).isEqualTo(4999);
    }

    @Test
    @DisplayName("A ticket being issued is answered from its line's new ticket, exactly as a play with it added, without a play of its own")
    void issuingCostsNoPlay() {
        openCounter();
        issue("A001", null, 0);
        issue("A002", "elderly", 1);
        board.queue("chung-thuc", NOW);
        long plays = board.playsRun();

        Ticket normal = waiting("A003", "chung-thuc", null, NOW);
        Ticket priority = waiting("A004", "chung-thuc", "disabled", NOW);

        assertThat(board.standing(normal, NOW).estimatedWaitMinutes()).isEqualTo(
                estimator.estimate(board.hallState(NOW), normal, averages.playedTimes()).minutes()).isEqualTo(10);
        assertThat(board.standing(priority, NOW).estimatedWaitMinutes()).isEqualTo(
                estimator.estimate(board.hallState(NOW), priority, averages.playedTimes()).minutes()).isEqualTo(5);
        assertThat(board.playsRun()).isEqualTo(plays);
    }

    @Test
    @DisplayName("With the budget spent, a second ticket of the same line is estimated one mean per counter later than the first, and no play is run")
    void budgetSpentAddsAMeanPerCounter() {
        openCounter();
        Ticket a1 = issue("A001", null, 0);
        assertThat(board.standing(a1, NOW).estimatedWaitMinutes()).isZero();
        long plays = board.playsRun();
        budget.charge(Duration.ofSeconds(1).toNanos()); // as if that play had taken a whole second of the thread

        Ticket a2 = issue("A002", null, 1);
        Ticket a3 = issue("A003", null, 2);

        assertThat(board.standing(a2, NOW).estimatedWaitMinutes()).isEqualTo(5);
        assertThat(board.standing(a3, NOW).estimatedWaitMinutes()).isEqualTo(10);
        assertThat(board.standing(waiting("A004", "chung-thuc", null, NOW), NOW).estimatedWaitMinutes()).isEqualTo(15);
        assertThat(board.queue("chung-thuc", NOW).estimatedWaitMinutes()).isEqualTo(15);
        assertThat(board.playsRun()).isEqualTo(plays);
    }

    @Test
    @DisplayName("While the budget is spent a kept estimate only counts down with the clock; once it has filled again the next question plays the hall afresh")
    void budgetFilledPlaysAfresh() {
        openCounter();
        issue("A001", null, 0);
        Ticket a2 = issue("A002", null, 1);
        assertThat(board.standing(a2, NOW).estimatedWaitMinutes()).isEqualTo(5);
        budget.charge(Duration.ofSeconds(1).toNanos());

        issue("A003", "elderly", 2); // a priority ticket comes in ahead of A002
        long plays = board.playsRun();

        assertThat(board.standing(a2, NOW).estimatedWaitMinutes()).isEqualTo(5);
        assertThat(board.standing(a2, NOW.plusSeconds(60)).estimatedWaitMinutes()).isEqualTo(4);
        assertThat(board.playsRun()).isEqualTo(plays);

        budgetClock.addAndGet(Duration.ofSeconds(10).toNanos()); // 10 s at a share of 0.2 fill 2 s of credit

        assertThat(board.standing(a2, NOW).estimatedWaitMinutes()).isEqualTo(10);
        assertThat(board.playsRun()).isEqualTo(plays + 1);
    }
}
