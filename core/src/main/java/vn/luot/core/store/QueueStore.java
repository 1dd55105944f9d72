package vn.luot.core.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import vn.luot.core.domain.Actor;
import vn.luot.core.domain.catalogue.CounterDefinition;
import vn.luot.core.domain.counter.Counter;
import vn.luot.core.domain.counter.Desk;
import vn.luot.core.domain.counter.DeskChange;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketRequest;
import vn.luot.core.store.impl.PgQueueStore;

/**
 * The durable record of tickets and counters: the one source of truth that every server node shares.
 * Each method is one transaction; the queue's rules run inside it (as plain-Java domain functions), so
 * two counters calling at the same instant can never take the same ticket.
 *
 * <p>Failures: a {@link vn.luot.core.domain.QueueException} when a rule refuses, a
 * {@link StoreUnavailableException} when the database cannot be reached. Either way nothing changed.
 */
public interface QueueStore {

    static QueueStore create(Pool pool) {
        return create(pool, vn.luot.core.domain.calling.BookedWindow.DEFAULT);
    }

    /** @param bookedWindow when booked tickets are called at their time, as the call policy has it */
    static QueueStore create(Pool pool, vn.luot.core.domain.calling.BookedWindow bookedWindow) {
        return new PgQueueStore(pool, bookedWindow);
    }

    /** Adds the configured counters that the database does not know yet (closed). */
    Future<Void> seedCounters(Collection<CounterDefinition> counters);

    /** Creates the numbering sequences of a service day ahead of time. */
    Future<Void> prepareDay(LocalDate serviceDay, Collection<String> prefixes);

    /** Marks unfinished tickets of earlier days as expired and frees their counters. */
    Future<Integer> expireBefore(LocalDate serviceDay);

    /**
     * Stores a new waiting ticket, numbering it from the day's sequence for its prefix. With an
     * idempotency key that was seen before, returns the ticket made then and creates nothing.
     *
     * @param draft   a waiting ticket whose number the store assigns
     * @param request what was asked: its printer and phone are stored, its fingerprint guards the key
     * @param print   the print job to create with the ticket (in the same statement), or null
     * @param estimateMinutes the wait promised at issue (printed, shown), kept for the reports; null when none
     */
    Future<IssueOutcome> issue(Ticket draft, String prefix, TicketRequest request, String idempotencyKey,
                               PrintOrder print, Integer estimateMinutes);

    /**
     * Issues several tickets with one statement and one commit (group commit), each exactly as
     * {@link #issue} would: numbered from its day's sequence, stored with its print job and its key. The
     * answer holds one completed future per draft, in the drafts' order. A draft refused on its own (its
     * key reused with another request) fails alone; the same key twice gives one ticket, the second as a
     * replay. When the database refuses the shared statement, each draft is issued alone, so one bad
     * draft answers its own failure and its neighbours get their tickets; when the database does not
     * answer, every draft fails with {@link StoreUnavailableException} and nothing is written again.
     */
    Future<List<Future<IssueOutcome>>> issueAll(List<IssueDraft> drafts);

    /** The ticket an earlier request with this key made (as a replay), or empty when none did. */
    Future<Optional<IssueOutcome>> issuedBefore(TicketRequest request, String idempotencyKey);

    Future<Optional<Ticket>> ticket(UUID id);

    Future<Optional<Ticket>> ticketByNumber(LocalDate serviceDay, String number);

    Future<List<Counter>> counters();

    Future<Optional<Counter>> counter(int id);

    Future<BoardState> boardState(LocalDate serviceDay, int recentCallsPerSite);

    /**
     * Runs one staff action on a counter: locks the counter and its current ticket, applies the action,
     * and saves what it changed, with a history line.
     */
    Future<DeskChange> changeCounter(int counterId, Actor actor, Command command, Instant now,
                                     Function<Desk, DeskChange> action);

    /**
     * Calls the next ticket at a counter. The chooser gets the counter and the heads of its lines and
     * picks one (see {@link vn.luot.core.domain.calling.CallPolicy}); if another counter takes that ticket
     * first, the store asks again with fresh heads.
     *
     * @return empty when nobody is waiting for this counter
     */
    Future<Optional<DeskChange>> callNext(int counterId, Actor actor, Command command, Instant now,
                                          LocalDate serviceDay,
                                          BiFunction<Counter, List<Ticket>, Optional<Ticket>> chooser);

    /** Calls one ticket chosen by staff, out of order. */
    Future<DeskChange> callTicket(int counterId, Actor actor, Command command, Instant now, UUID ticketId);

    /**
     * Changes one ticket that is not at a counter, such as a citizen cancelling it. When the change
     * returns the ticket as it was, nothing is written and {@link TicketChange#changed()} is false.
     */
    Future<TicketChange> changeTicket(UUID ticketId, String actor, String event, Instant now,
                                      Function<Ticket, Ticket> change);

    /** Answers when the database answers. */
    Future<Void> ping();
}
