package vn.luot.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.luot.core.domain.Tickets.MORNING;
import static vn.luot.core.domain.Tickets.waiting;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.domain.counter.Counter;
import vn.luot.core.domain.counter.CounterState;
import vn.luot.core.domain.counter.Desk;
import vn.luot.core.domain.counter.DeskChange;
import vn.luot.core.domain.counter.TransferTarget;
import vn.luot.core.domain.event.EventType;
import vn.luot.core.domain.ticket.Ticket;

@DisplayName("Desk: the rules of working a counter")
class DeskTest {
    private static final Actor LAN = new Actor("lan", Role.OPERATOR);
    private static final Actor MINH = new Actor("minh", Role.OPERATOR);
    private static final Actor MANAGER = new Actor("hoa", Role.MANAGER);
    private final Counter closed = Counter.closed(5, "hac-thanh", List.of("dat-dai"));

    private Counter openedByLan() {
        return new Desk(closed, null, LAN).open(List.of("dat-dai")).counter();
    }

    @Test
    @DisplayName("Opening a closed counter records who opened it and with which services")
    void opens() {
        DeskChange change = new Desk(closed, null, LAN).open(List.of("dat-dai", "xay-dung"));

        assertThat(change.event()).isEqualTo(EventType.COUNTER_OPENED);
        assertThat(change.counter().state()).isEqualTo(CounterState.OPEN);
        assertThat(change.counter().openedBy()).isEqualTo("lan");
        assertThat(change.counter().services()).containsExactly("dat-dai", "xay-dung");
    }

    @Test
    @DisplayName("Another operator cannot take over an open counter, but a manager can")
    void takeOver() {
        Counter open = openedByLan();

        assertThatThrownBy(() -> new Desk(open, null, MINH).open(List.of("dat-dai")))
                .isInstanceOfSatisfying(QueueException.class, e -> assertThat(e.problem()).isEqualTo(Problem.COUNTER_IN_USE));
        assertThat(new Desk(open, null, MANAGER).open(List.of("dat-dai")).counter().openedBy()).isEqualTo("hoa");
    }

    @Test
    @DisplayName("An operator may not act on a counter he did not open")
    void notYourCounter() {
        Counter open = openedByLan();
        Ticket ticket = waiting("C001", "dat-dai", null, MORNING);

        assertThatThrownBy(() -> new Desk(open, null, MINH).call(ticket, MORNING))
                .isInstanceOfSatisfying(QueueException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_YOUR_COUNTER));
        assertThatThrownBy(() -> new Desk(open, null, MINH).pause())
                .isInstanceOfSatisfying(QueueException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_YOUR_COUNTER));
    }

    @Test
    @DisplayName("Calling takes the ticket onto the counter and counts priority calls in a row")
    void callCountsPriorityStreak() {
        Counter open = openedByLan();
        DeskChange first = new Desk(open, null, LAN).call(waiting("C001", "dat-dai", "elderly", MORNING), MORNING);
        DeskChange released = new Desk(first.counter(), first.ticket(), LAN).complete(null, MORNING);
        DeskChange second = new Desk(released.counter(), null, LAN)
                .call(waiting("C002", "dat-dai", "pregnant", MORNING), MORNING);
        DeskChange released2 = new Desk(second.counter(), second.ticket(), LAN).complete(null, MORNING);
        DeskChange normal = new Desk(released2.counter(), null, LAN)
                .call(waiting("C003", "dat-dai", null, MORNING), MORNING);

        assertThat(first.counter().currentTicketId()).isEqualTo(first.ticket().id());
        assertThat(second.counter().priorityStreak()).isEqualTo(2);
        assertThat(normal.counter().priorityStreak()).isZero();
    }

    @Test
    @DisplayName("A counter with a current ticket can neither call another, pause nor close")
    void busyCounter() {
        Counter open = openedByLan();
        DeskChange called = new Desk(open, null, LAN).call(waiting("C001", "dat-dai", null, MORNING), MORNING);
        Desk busy = new Desk(called.counter(), called.ticket(), LAN);

        for (Runnable action : List.<Runnable>of(busy::requireReadyToCall, busy::pause, busy::close)) {
            assertThatThrownBy(action::run).isInstanceOfSatisfying(QueueException.class,
                    e -> assertThat(e.problem()).isEqualTo(Problem.COUNTER_BUSY));
        }
    }

    @Test
    @DisplayName("A paused counter cannot call until it resumes")
    void pausedCannotCall() {
        Counter paused = new Desk(openedByLan(), null, LAN).pause().counter();

        assertThatThrownBy(() -> new Desk(paused, null, LAN).requireReadyToCall())
                .isInstanceOfSatisfying(QueueException.class, e -> assertThat(e.problem()).isEqualTo(Problem.COUNTER_STATE));
        assertThat(new Desk(paused, null, LAN).resume().counter().state()).isEqualTo(CounterState.OPEN);
    }

    @Test
    @DisplayName("A transfer frees the counter; a transfer to where the ticket already is, is refused")
    void transfer() {
        Counter open = openedByLan();
        DeskChange called = new Desk(open, null, LAN).call(waiting("C001", "dat-dai", null, MORNING), MORNING);
        Desk desk = new Desk(called.counter(), called.ticket(), LAN);

        DeskChange moved = desk.transfer(null, new TransferTarget("tinh", null, null), "đi điểm tỉnh");
        assertThat(moved.counter().currentTicketId()).isNull();
        assertThat(moved.previousSiteId()).isEqualTo("hac-thanh");
        assertThat(moved.ticket().note()).isEqualTo("đi điểm tỉnh");
        assertThatThrownBy(() -> desk.transfer(null, new TransferTarget("hac-thanh", "dat-dai", null), null))
                .isInstanceOfSatisfying(QueueException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.TRANSFER_TO_SAME_PLACE));
    }
}
