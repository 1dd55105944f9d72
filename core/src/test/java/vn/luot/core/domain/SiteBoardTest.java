package vn.luot.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.domain.Tickets.MORNING;
import static vn.luot.core.domain.Tickets.waiting;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.domain.board.ForecastBudget;
import vn.luot.core.domain.board.PlayRunner;
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
        return openCounter(board);
    }

    private static Counter openCounter(SiteBoard board) {
        DeskChange opened = new Desk(Counter.closed(1, "hac-thanh", List.of("chung-thuc")), null, LAN)
                .open(List.of("chung-thuc"));
        board.apply(QueueEvent.of(opened, MORNING));
        return opened.counter();
    }

    private Ticket issue(String number, String priority, int minute) {
        return issue(board, number, priority, minute);
    }

    private static Ticket issue(SiteBoard board, String number, String priority, int minute) {
        Ticket t = waiting(number, "chung-thuc", priority, MORNING.plus(Duration.ofMinutes(minute)));
        board.apply(QueueEvent.ofTicket(EventType.TICKET_ISSUED, t, t.issuedAt()));
        return t;
    }

    /** Holds the plays handed to it until the test lets them run, as the hub's forecast thread would. */
    private static final class HeldPlays implements PlayRunner {
        private final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(Supplier<T> play, Consumer<T> done, Consumer<Throwable> failed) {
            held.add(() -> done.accept(play.get()));
        }

        int held() {
            return held.size();
        }

        void release() {
            List<Runnable> now = List.copyOf(held);
            held.clear();
            now.forEach(Runnable::run);
        }
    }

    /** A board whose every play costs 5 ms of CPU (above the 2 ms a play may take in line), with plays held. */
    private SiteBoard longHall(HeldPlays plays) {
        AtomicLong cpu = new AtomicLong();
        ForecastBudget neverHeldBack = new ForecastBudget(1.0, () -> 0L, () -> cpu.addAndGet(5_000_000));
        return new SiteBoard(site, averages, 8, estimator, ZoneId.of("Asia/Ho_Chi_Minh"), neverHeldBack, plays,
                SiteBoard.DEFAULT_INLINE_PLAY);
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

    @Test
    @DisplayName("When the last play took longer than a play may take in line, the next one goes to the runner, one at a time, and the kept forecast answers until it is back")
    void longPlaysGoToTheRunner() {
        HeldPlays plays = new HeldPlays();
        SiteBoard hall = longHall(plays);
        openCounter(hall);
        Ticket a1 = issue(hall, "A001", null, 0);
        assertThat(hall.standing(a1, NOW).estimatedWaitMinutes()).isZero(); // the first play runs in line
        assertThat(hall.playsRun()).isEqualTo(1);

        Ticket a2 = issue(hall, "A002", null, 1);
        Ticket a3 = issue(hall, "A003", null, 2);

        assertThat(hall.standing(a2, NOW).estimatedWaitMinutes()).isEqualTo(5);
        assertThat(hall.standing(a3, NOW).estimatedWaitMinutes()).isEqualTo(10);
        assertThat(plays.held()).isEqualTo(1);
        assertThat(hall.playsRun()).isEqualTo(1);

        Ticket a4 = issue(hall, "A004", null, 3); // joins while the play is out: the play does not know it
        assertThat(hall.standing(a4, NOW).estimatedWaitMinutes()).isEqualTo(15); // the kept new ticket + 2 means
        plays.release();

        assertThat(hall.playsRun()).isEqualTo(2);
        // The play saw A001 to A003; A004 counts as joined since it: the played new ticket, nobody before it.
        assertThat(hall.standing(a2, NOW).estimatedWaitMinutes()).isEqualTo(5);
        assertThat(hall.standing(a3, NOW).estimatedWaitMinutes()).isEqualTo(10);
        assertThat(hall.standing(a4, NOW).estimatedWaitMinutes()).isEqualTo(15);
        assertThat(plays.held()).isEqualTo(1); // A004 changed the board since: the next play is out already
        plays.release();
        assertThat(hall.standing(a4, NOW).estimatedWaitMinutes()).isEqualTo(
                estimator.estimate(hall.hallState(NOW), a4, averages.playedTimes()).minutes());
    }

    @Test
    @DisplayName("A play that comes back after the board was loaded afresh is dropped, and the fresh board plays in line")
    void playFromBeforeALoadIsDropped() {
        HeldPlays plays = new HeldPlays();
        SiteBoard hall = longHall(plays);
        openCounter(hall);
        issue(hall, "A001", null, 0);
        hall.queue("chung-thuc", NOW);
        issue(hall, "A002", null, 1);
        hall.queue("chung-thuc", NOW);
        assertThat(plays.held()).isEqualTo(1);

        hall.load(List.of(), List.of(), List.of()); // a new day: no counter, nobody waiting
        assertThat(hall.queue("chung-thuc", NOW).waiting()).isZero();
        long plays0 = hall.playsRun();
        plays.release();

        assertThat(hall.playsRun()).isEqualTo(plays0);
        assertThat(hall.queue("chung-thuc", NOW).estimatedWaitMinutes()).isNull();
    }
}
