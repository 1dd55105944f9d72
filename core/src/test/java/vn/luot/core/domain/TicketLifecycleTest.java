package vn.luot.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.luot.core.domain.Tickets.MORNING;
import static vn.luot.core.domain.Tickets.waiting;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketStatus;

@DisplayName("A ticket's life")
class TicketLifecycleTest {
    private final Instant later = MORNING.plus(Duration.ofMinutes(12));
    private final Ticket ticket = waiting("A017", "chung-thuc", null, MORNING);

    @Test
    @DisplayName("Calling a waiting ticket sets the counter, the call time and a higher version")
    void call() {
        Ticket called = ticket.calledBy(5, "hac-thanh", later);

        assertThat(called.status()).isEqualTo(TicketStatus.CALLED);
        assertThat(called.counterId()).isEqualTo(5);
        assertThat(called.calledAt()).isEqualTo(later);
        assertThat(called.callCount()).isEqualTo(1);
        assertThat(called.version()).isEqualTo(ticket.version() + 1);
        assertThat(called.waitedUntil(later)).isEqualTo(Duration.ofMinutes(12));
    }

    @Test
    @DisplayName("A ticket waiting at one site cannot be called by a counter of the other")
    void notFromTheOtherSite() {
        assertThatThrownBy(() -> ticket.calledBy(21, "tinh", later))
                .isInstanceOfSatisfying(QueueException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.TICKET_AT_OTHER_SITE));
    }

    @Test
    @DisplayName("Recall, start and complete follow each other; the service time runs from the start")
    void serveCycle() {
        Ticket done = ticket.calledBy(5, "hac-thanh", later).recalled()
                .servingFrom(later.plusSeconds(60)).completedAt(later.plusSeconds(360));

        assertThat(done.status()).isEqualTo(TicketStatus.COMPLETED);
        assertThat(done.callCount()).isEqualTo(2);
        assertThat(done.serviceTime()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    @DisplayName("A ticket returned or transferred keeps its number and its original place")
    void keepsNumberAndPlace() {
        Ticket called = ticket.calledBy(5, "hac-thanh", later);

        Ticket returned = called.returnedToQueue();
        Ticket moved = called.transferredTo("tinh", "ho-tich", null, "note");

        assertThat(returned.status()).isEqualTo(TicketStatus.WAITING);
        assertThat(returned.counterId()).isNull();
        assertThat(returned.queuedSince()).isEqualTo(MORNING);
        assertThat(moved.number()).isEqualTo("A017");
        assertThat(moved.queuedSince()).isEqualTo(MORNING);
        assertThat(moved.siteId()).isEqualTo("tinh");
        assertThat(moved.serviceId()).isEqualTo("ho-tich");
    }

    @Test
    @DisplayName("Steps the state does not allow are refused")
    void refusedSteps() {
        Ticket called = ticket.calledBy(5, "hac-thanh", later);
        Ticket serving = called.servingFrom(later);

        assertRefused(() -> ticket.recalled());
        assertRefused(() -> ticket.completedAt(later));
        assertRefused(() -> called.calledBy(6, "hac-thanh", later));
        assertRefused(() -> called.cancelledAt(later));
        assertRefused(() -> serving.noShowAt(later));
        assertRefused(() -> serving.recalled());
        assertRefused(() -> ticket.cancelledAt(later).cancelledAt(later));
    }

    private static void assertRefused(Runnable step) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(QueueException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.TICKET_STATE));
    }
}
