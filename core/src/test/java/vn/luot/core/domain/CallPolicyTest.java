package vn.luot.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.domain.Tickets.MORNING;
import static vn.luot.core.domain.Tickets.booked;
import static vn.luot.core.domain.Tickets.waiting;
import static vn.luot.core.domain.Tickets.waitingFor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.domain.calling.BookedWindow;
import vn.luot.core.domain.calling.CallPolicy;
import vn.luot.core.domain.ticket.Ticket;

@DisplayName("CallPolicy: which ticket a counter calls next")
class CallPolicyTest {
    private static final Map<String, Duration> TARGETS = Map.of(
            "chung-thuc", Duration.ofMinutes(15), "ho-tich", Duration.ofMinutes(20), "dat-dai", Duration.ofMinutes(30));
    private static final Function<String, Duration> TARGET = TARGETS::get;
    private final CallPolicy policy = new CallPolicy(2);

    private static Instant at(int minutes) {
        return MORNING.plus(Duration.ofMinutes(minutes));
    }

    private Ticket choose(List<Ticket> candidates, int streak, Instant now) {
        return policy.choose(1, candidates, streak, now, TARGET).orElseThrow();
    }

    @Test
    @DisplayName("Nothing to call when nobody waits")
    void emptyWhenNobodyWaits() {
        assertThat(policy.choose(1, List.of(), 0, at(0), TARGET)).isEmpty();
    }

    @Test
    @DisplayName("A priority ticket goes before an older normal ticket that is still within its target")
    void priorityFirst() {
        Ticket normal = waiting("A001", "chung-thuc", null, at(0));
        Ticket elderly = waiting("A002", "chung-thuc", "elderly", at(5));

        assertThat(choose(List.of(normal, elderly), 0, at(10))).isEqualTo(elderly);
    }

    @Test
    @DisplayName("After 2 priority calls in a row, an overdue normal ticket goes first")
    void overdueNormalAfterTwoPriorityCalls() {
        Ticket overdue = waiting("A001", "chung-thuc", null, at(0));
        Ticket elderly = waiting("A002", "chung-thuc", "elderly", at(10));

        assertThat(choose(List.of(overdue, elderly), 1, at(16))).isEqualTo(elderly);
        assertThat(choose(List.of(overdue, elderly), 2, at(16))).isEqualTo(overdue);
    }

    @Test
    @DisplayName("A streak of priority calls is allowed while no normal ticket is past its target")
    void streakAllowedWithinTarget() {
        Ticket normal = waiting("A001", "chung-thuc", null, at(0));
        Ticket elderly = waiting("A002", "chung-thuc", "elderly", at(1));

        assertThat(choose(List.of(normal, elderly), 5, at(14))).isEqualTo(elderly);
    }

    @Test
    @DisplayName("The limit is a setting: with 0, an overdue normal ticket always goes first")
    void limitIsASetting() {
        Ticket overdue = waiting("A001", "chung-thuc", null, at(0));
        Ticket elderly = waiting("A002", "chung-thuc", "elderly", at(10));

        assertThat(new CallPolicy(0).choose(1, List.of(overdue, elderly), 0, at(20), TARGET)).contains(overdue);
    }

    @Test
    @DisplayName("Across services, the largest wait relative to its target wins, not the oldest ticket")
    void largestRelativeWait() {
        Ticket hoTich = waiting("B001", "ho-tich", null, at(0));        // 15 of 20 min: 0.75
        Ticket chungThuc = waiting("A001", "chung-thuc", null, at(3));  // 12 of 15 min: 0.80

        assertThat(choose(List.of(hoTich, chungThuc), 0, at(15))).isEqualTo(chungThuc);
    }

    @Test
    @DisplayName("Equal relative waits go to the earlier ticket")
    void tiesToTheEarlierTicket() {
        Ticket datDai = waiting("C001", "dat-dai", null, at(0));       // 30 of 30: 1.0
        Ticket chungThuc = waiting("A001", "chung-thuc", null, at(15)); // 15 of 15: 1.0

        assertThat(choose(List.of(chungThuc, datDai), 0, at(30))).isEqualTo(datDai);
    }

    @Test
    @DisplayName("A ticket transferred to this counter comes before everything else")
    void sentHereFirst() {
        Ticket elderly = waiting("A001", "chung-thuc", "elderly", at(0));
        Ticket sentHere = waitingFor("B005", "ho-tich", at(10), 1);

        assertThat(choose(List.of(elderly, sentHere), 0, at(20))).isEqualTo(sentHere);
    }

    @Test
    @DisplayName("A ticket transferred to another counter is never chosen")
    void notSentElsewhere() {
        Ticket sentElsewhere = waitingFor("B005", "ho-tich", at(0), 7);

        assertThat(policy.choose(1, List.of(sentElsewhere), 0, at(20), TARGET)).isEmpty();
    }

    // Booked citizens at their time (issue 11): the default window is 10 minutes early to 10 minutes late.

    @Test
    @DisplayName("A booked citizen whose slot has come goes ahead of older walk-ins of the same service")
    void bookedAheadOfWalkIns() {
        Ticket walkIn = waiting("B001", "ho-tich", null, at(0));
        Ticket booked = booked("B002", "ho-tich", at(30), at(20));

        assertThat(choose(List.of(walkIn, booked), 0, at(25))).as("from 10 minutes before the slot").isEqualTo(booked);
        assertThat(choose(List.of(walkIn, booked), 0, at(19))).as("checked in, but the slot has not come yet")
                .isEqualTo(walkIn);
    }

    @Test
    @DisplayName("A booked citizen checked in within the window keeps the turn while waiting past it")
    void bookedKeepsTurnWhileWaiting() {
        Ticket walkIn = waiting("B001", "ho-tich", null, at(0));
        Ticket booked = booked("B002", "ho-tich", at(30), at(38));

        assertThat(choose(List.of(walkIn, booked), 0, at(60))).isEqualTo(booked);
    }

    @Test
    @DisplayName("A booked citizen checked in more than 10 minutes after the slot waits like a walk-in, by check-in time")
    void lateBookedIsAWalkIn() {
        Ticket late = booked("B002", "ho-tich", at(30), at(41));
        Ticket earlier = waiting("B001", "ho-tich", null, at(40));
        Ticket later = waiting("B003", "ho-tich", null, at(45));

        assertThat(choose(List.of(later, late, earlier), 0, at(50))).isEqualTo(earlier);
        assertThat(choose(List.of(later, late), 0, at(50))).isEqualTo(late);
    }

    @Test
    @DisplayName("Of two due booked citizens, the earlier slot goes first")
    void earlierSlotFirst() {
        Ticket nineFifteen = booked("B002", "ho-tich", at(45), at(10));
        Ticket nine = booked("B003", "ho-tich", at(30), at(28));

        assertThat(choose(List.of(nineFifteen, nine), 0, at(40))).isEqualTo(nine);
    }

    @Test
    @DisplayName("Priority tickets still go before a due booked citizen, under the same limit once the booked one is overdue")
    void priorityBeforeBooked() {
        Ticket booked = booked("B002", "ho-tich", at(30), at(25));
        Ticket elderly = waiting("B003", "ho-tich", "elderly", at(29));

        assertThat(choose(List.of(booked, elderly), 0, at(31))).isEqualTo(elderly);
        assertThat(choose(List.of(booked, elderly), 2, at(51))).as("20 minutes past the slot: overdue")
                .isEqualTo(booked);
    }

    @Test
    @DisplayName("Across services a booked citizen's service competes as before: an overdue walk-in of another service goes first")
    void otherServicesStillFair() {
        Ticket booked = booked("B002", "ho-tich", at(30), at(25));         // 2 of 20 min from the slot: 0.1
        Ticket chungThuc = waiting("A001", "chung-thuc", null, at(10));    // 22 of 15 min: 1.47

        assertThat(choose(List.of(booked, chungThuc), 0, at(32))).isEqualTo(chungThuc);
    }

    @Test
    @DisplayName("The booked window is a setting: with 0 minutes early, the slot's start is when its turn comes")
    void windowIsASetting() {
        CallPolicy exact = new CallPolicy(2, new BookedWindow(Duration.ZERO, Duration.ofMinutes(5)));
        Ticket walkIn = waiting("B001", "ho-tich", null, at(0));
        Ticket booked = booked("B002", "ho-tich", at(30), at(20));

        assertThat(exact.choose(1, List.of(walkIn, booked), 0, at(29), TARGET)).contains(walkIn);
        assertThat(exact.choose(1, List.of(walkIn, booked), 0, at(30), TARGET)).contains(booked);
    }
}
