package vn.luot.core.domain.counter;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import vn.luot.core.domain.Actor;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.calling.CallPolicy;
import vn.luot.core.domain.event.EventType;
import vn.luot.core.domain.ticket.Ticket;

/**
 * The rules of working a counter: who may act on it, in which state, and what each action changes.
 * A Desk is one counter with the ticket it currently holds, seen by one member of staff; each method
 * returns the resulting {@link DeskChange} or throws a {@link QueueException} and changes nothing.
 */
public final class Desk {
    private final Counter counter;
    private final Ticket current;
    private final Actor actor;

    public Desk(Counter counter, Ticket current, Actor actor) {
        this.counter = Objects.requireNonNull(counter);
        this.current = current;
        this.actor = Objects.requireNonNull(actor);
        if (counter.hasCurrentTicket() && (current == null || !current.id().equals(counter.currentTicketId()))) {
            throw new IllegalArgumentException("counter " + counter.id() + " holds another ticket than the one given");
        }
    }

    public Counter counter() {
        return counter;
    }

    /** The ticket this counter is calling or serving, or null. */
    public Ticket currentTicket() {
        return current;
    }

    /** Opens a closed counter, or changes the services of a counter one already runs. A manager may take any over. */
    public DeskChange open(List<String> services) {
        boolean ownedByOther = counter.state() != CounterState.CLOSED && !actor.username().equals(counter.openedBy());
        if (ownedByOther && !actor.role().supervisesCounters()) {
            throw new QueueException(Problem.COUNTER_IN_USE, counter.id(), counter.openedBy());
        }
        CounterState state = counter.state() == CounterState.PAUSED ? CounterState.PAUSED : CounterState.OPEN;
        return new DeskChange(EventType.COUNTER_OPENED, counter.withState(state, services, actor.username()), null);
    }

    /**
     * A manager changes which services a counter calls (issue 10), at either site, whatever its state. The
     * ticket at the counter now is not disturbed: the new services count from the counter's next call.
     */
    public DeskChange changeServices(List<String> services) {
        if (!actor.role().supervisesCounters()) {
            throw new QueueException(Problem.FORBIDDEN);
        }
        return new DeskChange(EventType.COUNTER_SERVICES_CHANGED,
                counter.withState(counter.state(), services, counter.openedBy()), null);
    }

    public DeskChange pause() {
        requireOperable();
        requireState(CounterState.OPEN);
        requireIdle();
        return new DeskChange(EventType.COUNTER_PAUSED,
                counter.withState(CounterState.PAUSED, counter.services(), counter.openedBy()), null);
    }

    public DeskChange resume() {
        requireOperable();
        requireState(CounterState.PAUSED);
        return new DeskChange(EventType.COUNTER_RESUMED,
                counter.withState(CounterState.OPEN, counter.services(), counter.openedBy()), null);
    }

    public DeskChange close() {
        requireOperable();
        if (counter.state() == CounterState.CLOSED) {
            throw new QueueException(Problem.COUNTER_STATE, counter.id(), counter.state());
        }
        requireIdle();
        return new DeskChange(EventType.COUNTER_CLOSED,
                counter.withState(CounterState.CLOSED, counter.services(), null).withCurrent(null, 0), null);
    }

    /** Checks, before a ticket is chosen, that this counter may call one now. */
    public void requireReadyToCall() {
        requireOperable();
        requireState(CounterState.OPEN);
        if (current != null) {
            throw new QueueException(Problem.COUNTER_BUSY, counter.id(), current.number());
        }
    }

    /** Calls the given waiting ticket (chosen by the call policy, or by staff out of order). */
    public DeskChange call(Ticket waiting, Instant now) {
        requireReadyToCall();
        Ticket called = waiting.calledBy(counter.id(), counter.siteId(), now);
        int streak = CallPolicy.streakAfter(counter.priorityStreak(), called);
        return new DeskChange(EventType.TICKET_CALLED, counter.withCurrent(called.id(), streak), called);
    }

    public DeskChange recall(UUID expectedTicket) {
        Ticket ticket = requireCurrent(expectedTicket);
        return new DeskChange(EventType.TICKET_RECALLED, counter, ticket.recalled());
    }

    public DeskChange startServing(UUID expectedTicket, Instant now) {
        Ticket ticket = requireCurrent(expectedTicket);
        return new DeskChange(EventType.TICKET_SERVING, counter, ticket.servingFrom(now));
    }

    public DeskChange complete(UUID expectedTicket, Instant now) {
        Ticket ticket = requireCurrent(expectedTicket);
        return release(EventType.TICKET_COMPLETED, ticket.completedAt(now), null);
    }

    public DeskChange noShow(UUID expectedTicket, Instant now) {
        Ticket ticket = requireCurrent(expectedTicket);
        return release(EventType.TICKET_NO_SHOW, ticket.noShowAt(now), null);
    }

    public DeskChange returnToQueue(UUID expectedTicket) {
        Ticket ticket = requireCurrent(expectedTicket);
        return release(EventType.TICKET_RETURNED, ticket.returnedToQueue(), null);
    }

    /**
     * Sends the current ticket on: to another service, to the other site, or to one counter.
     * The destination must already be checked against the catalogue by the caller.
     */
    public DeskChange transfer(UUID expectedTicket, TransferTarget target, String note) {
        Ticket ticket = requireCurrent(expectedTicket);
        String site = target.siteId() != null ? target.siteId() : ticket.siteId();
        String service = target.serviceId() != null ? target.serviceId() : ticket.serviceId();
        boolean samePlace = site.equals(ticket.siteId()) && service.equals(ticket.serviceId())
                && target.counterId() == null;
        if (samePlace) {
            throw new QueueException(Problem.TRANSFER_TO_SAME_PLACE, ticket.number());
        }
        Ticket moved = ticket.transferredTo(site, service, target.counterId(), note);
        String previousSite = site.equals(ticket.siteId()) ? null : ticket.siteId();
        return release(EventType.TICKET_TRANSFERRED, moved, previousSite);
    }

    private DeskChange release(EventType event, Ticket ticket, String previousSiteId) {
        return new DeskChange(event, counter.withCurrent(null, counter.priorityStreak()), ticket, previousSiteId, false);
    }

    private Ticket requireCurrent(UUID expectedTicket) {
        requireOperable();
        if (current == null) {
            throw new QueueException(Problem.NO_CURRENT_TICKET, counter.id());
        }
        if (expectedTicket != null && !expectedTicket.equals(current.id())) {
            throw new QueueException(Problem.TICKET_NOT_CURRENT, counter.id(), current.number());
        }
        return current;
    }

    /** An operator acts only on the counter they opened; managers and admins on any. */
    private void requireOperable() {
        if (actor.role().supervisesCounters()) {
            return;
        }
        if (counter.state() == CounterState.CLOSED || !actor.username().equals(counter.openedBy())) {
            throw new QueueException(Problem.NOT_YOUR_COUNTER, counter.id());
        }
    }

    private void requireState(CounterState expected) {
        if (counter.state() != expected) {
            throw new QueueException(Problem.COUNTER_STATE, counter.id(), counter.state());
        }
    }

    private void requireIdle() {
        if (current != null) {
            throw new QueueException(Problem.COUNTER_BUSY, counter.id(), current.number());
        }
    }
}
