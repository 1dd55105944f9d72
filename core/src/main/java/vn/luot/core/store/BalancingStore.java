package vn.luot.core.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import vn.luot.core.domain.Actor;
import vn.luot.core.domain.balancing.Notice;
import vn.luot.core.domain.balancing.TicketMoves;
import vn.luot.core.domain.counter.Desk;
import vn.luot.core.domain.counter.DeskChange;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.store.impl.PgBalancingStore;

/**
 * The durable side of balancing (issue 10): notices, the managers' audit log, and moving tickets between
 * sites. Every manager action is one transaction with its audit line, and, under an idempotency key, with
 * its answer, so a retry answers the same and changes nothing.
 */
public interface BalancingStore {

    static BalancingStore create(Pool pool) {
        return new PgBalancingStore(pool);
    }

    /** One line of the audit log. */
    record AuditEntry(long id, Instant at, String actor, String action, String target, JsonObject before,
                      JsonObject after) {
    }

    /** @param replayed true when an earlier request with the same key did it, and this one changed nothing */
    record Keyed<T>(T value, boolean replayed) {
    }

    /** Which tickets to move: these ids, or the {@code count} most recently issued waiting ones of a service. */
    record MoveSelection(String fromSiteId, List<UUID> ticketIds, String serviceId, int count) {
        public MoveSelection {
            ticketIds = ticketIds == null ? null : List.copyOf(ticketIds);
        }
    }

    /**
     * @param plan   what moved (null on a replay)
     * @param answer what the request answers, the same on a replay
     */
    record MoveOutcome(TicketMoves.Plan plan, JsonObject answer, boolean replayed) {
    }

    /** @param change what changed (null on a replay); answer what the request answers, the same on a replay */
    record CounterOutcome(DeskChange change, JsonObject answer, boolean replayed) {
    }

    /**
     * Locks the counter (and its current ticket), applies the action, saves the counter with a history line,
     * the audit line (state before and after) and the answer, in one transaction.
     */
    Future<CounterOutcome> changeCounter(int counterId, Actor actor, Command command, Instant now,
                                         Function<Desk, DeskChange> action, Function<DeskChange, JsonObject> answer);

    /** The answer of an earlier request under this key and scope, if there was one (a retry). */
    Future<java.util.Optional<JsonObject>> earlierAnswer(Command command);

    Future<Keyed<Notice>> postNotice(Notice notice, Actor actor, Command command);

    /** Notices not yet ended, oldest first. */
    Future<List<Notice>> activeNotices(Instant now);

    /** One point of a site's waiting line over the day. */
    record WaitingPoint(Instant at, int waiting) {
    }

    /**
     * How many waited at the site at each step from {@code from} to {@code until}: tickets issued by then
     * and not yet called or finished (a ticket moved here counts here).
     */
    Future<List<WaitingPoint>> waitingLine(String siteId, LocalDate serviceDay, Instant from, Instant until,
                                           java.time.Duration step);

    /** The audit lines written in [from, until), oldest first. */
    Future<List<AuditEntry>> audit(Instant from, Instant until);

    /**
     * Locks the selected tickets, lets the planner decide which move, saves them with a history line each,
     * the audit line and the answer, in one transaction.
     */
    Future<MoveOutcome> moveTickets(MoveSelection selection, Actor actor, Command command, Instant now,
                                    LocalDate serviceDay, Function<List<Ticket>, TicketMoves.Plan> planner,
                                    Function<TicketMoves.Plan, JsonObject> answer);
}
