package vn.luot.core.domain.counter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import vn.luot.core.domain.Actor;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.Role;
import vn.luot.core.domain.ticket.Channel;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketStatus;

/**
 * Which counter actions the rules allow now, and after each of them, so that pages ask the server
 * instead of keeping a copy of the rules. Nothing here restates a rule: each action is tried on a
 * {@link Desk} (as a manager, since who may act is checked when the action is done), and what does not
 * throw is allowed. "After" applies the action the same way and asks again, so a page can accept a press
 * made while the one before it is still on its way.
 */
public final class DeskActions {
    /** Every action on a counter, by the name of its route ({@code POST /api/v1/counters/{id}/<name>}). */
    public enum Action {
        OPEN, PAUSE, RESUME, CLOSE, CALL_NEXT, CALL, RECALL, START, COMPLETE, NO_SHOW, RETURN, TRANSFER;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Who the rules are tried as: a manager, to whom every counter is open. */
    private static final Actor ANYONE = new Actor("allowed-actions", Role.MANAGER);
    private static final Instant SOME_TIME = Instant.EPOCH;

    private DeskActions() {
    }

    /**
     * @param current the ticket the counter calls or serves, or null when it holds none
     * @return the actions allowed now, in {@link Action} order
     */
    public static List<Action> allowed(Counter counter, Ticket current) {
        List<Action> allowed = new ArrayList<>();
        for (Action action : Action.values()) {
            if (apply(counter, current, action) != null) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    /** What a counter is doing, as staff see it: the states the actions move it between. */
    public enum Mode {
        CLOSED, IDLE, PAUSED, CALLED, SERVING;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Mode of(Counter counter, Ticket current) {
            if (counter.state() == CounterState.CLOSED) {
                return CLOSED;
            }
            if (current != null) {
                return current.status() == TicketStatus.SERVING ? SERVING : CALLED;
            }
            return counter.state() == CounterState.PAUSED ? PAUSED : IDLE;
        }
    }

    /** One mode's row of the table: the actions allowed in it, and the mode each of them leads to. */
    public record Row(List<Action> allowed, Map<Action, Mode> leadsTo) {
    }

    /**
     * The whole table, mode by mode, tried on a counter in each mode: what a page uses to accept a press
     * made while the one before it is still on its way (then it cannot know the counter yet).
     */
    public static Map<Mode, Row> table() {
        Counter closed = Counter.closed(0, "-", List.of("-"));
        Counter open = closed.withState(CounterState.OPEN, List.of("-"), ANYONE.username());
        Counter paused = closed.withState(CounterState.PAUSED, List.of("-"), ANYONE.username());
        DeskChange called = new Desk(open, null, ANYONE).call(someone(open), SOME_TIME);
        Ticket serving = called.ticket().servingFrom(SOME_TIME);
        Map<Mode, Row> table = new LinkedHashMap<>();
        for (Object[] example : new Object[][] {{closed, null}, {open, null}, {paused, null},
                {called.counter(), called.ticket()}, {called.counter(), serving}}) {
            Counter counter = (Counter) example[0];
            Ticket current = (Ticket) example[1];
            Map<Action, Mode> leadsTo = new LinkedHashMap<>();
            for (Action action : Action.values()) {
                DeskChange change = apply(counter, current, action);
                if (change != null) {
                    Ticket held = !change.counter().hasCurrentTicket() ? null
                            : change.ticket() != null ? change.ticket() : current;
                    leadsTo.put(action, Mode.of(change.counter(), held));
                }
            }
            table.put(Mode.of(counter, current), new Row(List.copyOf(leadsTo.keySet()), leadsTo));
        }
        return table;
    }

    /** The change the action would make, or null when the rules refuse it now. */
    private static DeskChange apply(Counter counter, Ticket current, Action action) {
        Desk desk = new Desk(counter, current, ANYONE);
        UUID held = current == null ? null : current.id();
        Function<Desk, DeskChange> attempt = switch (action) {
            case OPEN -> d -> d.open(counter.services());
            case PAUSE -> Desk::pause;
            case RESUME -> Desk::resume;
            case CLOSE -> Desk::close;
            case CALL_NEXT, CALL -> d -> d.call(someone(counter), SOME_TIME);
            case RECALL -> d -> d.recall(held);
            case START -> d -> d.startServing(held, SOME_TIME);
            case COMPLETE -> d -> d.complete(held, SOME_TIME);
            case NO_SHOW -> d -> d.noShow(held, SOME_TIME);
            case RETURN -> d -> d.returnToQueue(held);
            case TRANSFER -> d -> d.transfer(held, new TransferTarget(null, null, Integer.MIN_VALUE), null);
        };
        try {
            return attempt.apply(desk);
        } catch (QueueException refused) {
            return null;
        }
    }

    /** A waiting ticket for this counter to call, standing for whichever the call policy would choose. */
    private static Ticket someone(Counter counter) {
        String service = counter.services().isEmpty() ? "-" : counter.services().get(0);
        return new Ticket(new UUID(0, 0), "-", LocalDate.EPOCH, counter.siteId(), service, null, Channel.KIOSK,
                TicketStatus.WAITING, SOME_TIME, SOME_TIME, null, null, null, null, null, 0, 0, null, null);
    }
}
