package vn.luot.core.store.impl;

import static vn.luot.core.store.impl.Rows.COUNTER_COLUMNS;
import static vn.luot.core.store.impl.Rows.TICKET_COLUMNS;
import static vn.luot.core.store.impl.Rows.time;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import vn.luot.core.domain.Actor;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.board.RecentCall;
import vn.luot.core.domain.calling.BookedWindow;
import vn.luot.core.domain.catalogue.CounterDefinition;
import vn.luot.core.domain.counter.Counter;
import vn.luot.core.domain.counter.Desk;
import vn.luot.core.domain.counter.DeskChange;
import vn.luot.core.domain.event.EventType;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketNumbering;
import vn.luot.core.domain.ticket.TicketRequest;
import vn.luot.core.store.BoardState;
import vn.luot.core.store.Command;
import vn.luot.core.store.IssueDraft;
import vn.luot.core.store.IssueOutcome;
import vn.luot.core.store.PrintOrder;
import vn.luot.core.store.QueueStore;
import vn.luot.core.store.TicketChange;

/** {@link QueueStore} on PostgreSQL through the Vert.x reactive client. */
public final class PgQueueStore implements QueueStore {
    /**
     * Enough for many counters racing for the same few tickets; each retry sees fresher heads. In
     * ConcurrentCallTest's storm (8 counters calling the same lines at the same instant, 2,000 times) a
     * counter lost up to 22 races in a row.
     */
    private static final int MAX_CALL_ATTEMPTS = 100;

    /**
     * The ticket and, when a printer is named ($17 not null), its print job: one statement, so both are
     * stored or neither. A retry that lost the race on the idempotency key inserts no ticket, hence no job.
     */
    private static final String INSERT_TICKET = "INSERT INTO tickets (id, number, seq_no, "
            + "service_day, site_id, service_id, priority_group, channel, status, issued_at, queued_since, "
            + "call_count, version, note, printer_id, idempotency_key, request_hash, phone, slot_start, "
            + "issued_estimate_minutes) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, 0, 1, $11, $12, $13, $14, $15, $16, $17) "
            + "ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING";
    /** A ticket and its print job in one statement: an acknowledged ticket always has its job. */
    private static final String INSERT_TICKET_AND_JOB = "WITH ticket AS (" + INSERT_TICKET + " RETURNING id), "
            + "job AS (INSERT INTO print_jobs (id, printer_id, ticket_id, payload, created_at) "
            + "SELECT $18, $12, ticket.id, $19::text::jsonb, $10 FROM ticket RETURNING id) "
            + "SELECT (SELECT count(*) FROM ticket) AS tickets, (SELECT count(*) FROM job) AS jobs";
    private static final String UPDATE_TICKET = "UPDATE tickets SET site_id = $2, service_id = $3, status = $4, "
            + "counter_id = $5, assigned_counter_id = $6, called_at = $7, serving_at = $8, finished_at = $9, "
            + "call_count = $10, version = $11, note = $12 WHERE id = $1 AND version = $13";
    private static final String UPDATE_COUNTER = "UPDATE counters SET state = $2, services = $3, opened_by = $4, "
            + "current_ticket_id = $5, priority_streak = $6, version = $7, updated_at = $8 "
            + "WHERE id = $1 AND version = $9";
    /**
     * The oldest priority and oldest normal ticket of each line, plus the oldest sent to this counter, for
     * the counter {@code $1}: its site and services are read from its own row, so the query can go out in
     * the same round trip as the counter's lock (it runs after it, and so reads the locked row). With only
     * the counter's id and the day as parameters, PostgreSQL soon keeps one generic plan for it; with the
     * site and the services as parameters it planned the query again on every call (about 1 ms).
     */
    private static final String LINE_HEADS = "WITH c AS (SELECT site_id, services FROM counters WHERE id = $1) "
            + "SELECT t.* FROM c CROSS JOIN unnest(c.services) AS s(service_id) "
            + "CROSS JOIN (VALUES (true), (false)) AS k(is_normal) "
            + "CROSS JOIN LATERAL (SELECT " + TICKET_COLUMNS + " FROM tickets w "
            + "  WHERE w.status = 'waiting' AND w.site_id = c.site_id AND w.service_id = s.service_id "
            + "  AND (w.priority_group IS NULL) = k.is_normal AND w.assigned_counter_id IS NULL "
            + "  AND w.service_day = $2 ORDER BY w.queued_since, w.seq_no LIMIT 1) t "
            + "UNION ALL (SELECT " + TICKET_COLUMNS + " FROM tickets a "
            + "  WHERE a.status = 'waiting' AND a.assigned_counter_id = $1 AND a.service_day = $2 "
            + "  ORDER BY a.queued_since, a.seq_no LIMIT 1) "
            // The booked ticket of each service that is due: its slot has come ($3 = now + early) and it
            // was checked in in time ($4 = the late window, seconds). See BookedWindow and CallPolicy.
            // The index tickets_waiting_booked (V12) finds them without reading the line's walk-ins.
            + "UNION ALL (SELECT b.* FROM c CROSS JOIN unnest(c.services) AS bs(service_id) "
            + "CROSS JOIN LATERAL (SELECT " + TICKET_COLUMNS + " FROM tickets d "
            + "  WHERE d.status = 'waiting' AND d.site_id = c.site_id AND d.service_id = bs.service_id "
            + "  AND d.priority_group IS NULL AND d.assigned_counter_id IS NULL AND d.service_day = $2 "
            + "  AND d.slot_start IS NOT NULL AND d.slot_start <= $3 "
            + "  AND d.queued_since <= d.slot_start + make_interval(secs => $4::double precision) "
            + "  ORDER BY d.slot_start, d.queued_since, d.seq_no LIMIT 1) b)";

    private final Pool pool;
    private final BookedWindow bookedWindow;

    public PgQueueStore(Pool pool, BookedWindow bookedWindow) {
        this.pool = pool;
        this.bookedWindow = bookedWindow;
    }

    @Override
    public Future<Void> seedCounters(Collection<CounterDefinition> counters) {
        List<Tuple> rows = counters.stream()
                .map(c -> Tuple.of(c.id(), c.siteId(), c.defaultServices().toArray(new String[0])))
                .toList();
        if (rows.isEmpty()) {
            return Future.succeededFuture();
        }
        return pool.preparedQuery("INSERT INTO counters (id, site_id, services) VALUES ($1, $2, $3) "
                        + "ON CONFLICT (id) DO NOTHING")
                .executeBatch(rows)
                .<Void>mapEmpty()
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Void> prepareDay(LocalDate serviceDay, Collection<String> prefixes) {
        Future<Void> chain = Future.succeededFuture();
        for (String prefix : prefixes) {
            String sequence = TicketNumbering.sequenceName(serviceDay, prefix);
            chain = chain.compose(done -> pool.query("CREATE SEQUENCE IF NOT EXISTS " + sequence).execute()
                    .<Void>mapEmpty()
                    // Two nodes creating the same sequence at once: the loser's error means it exists.
                    .recover(e -> StoreFailures.hasSqlState(e, "23505", "42P07")
                            ? Future.succeededFuture() : Future.failedFuture(e)));
        }
        return chain.recover(StoreFailures::translate);
    }

    @Override
    public Future<Integer> expireBefore(LocalDate serviceDay) {
        return pool.withTransaction(conn -> conn
                .preparedQuery("UPDATE tickets SET status = 'expired', version = version + 1 "
                        + "WHERE service_day < $1 AND status IN ('waiting', 'called', 'serving') RETURNING id")
                .execute(Tuple.of(serviceDay))
                .compose(expired -> {
                    UUID[] ids = new UUID[expired.rowCount()];
                    int i = 0;
                    for (Row row : expired) {
                        ids[i++] = row.getUUID(0);
                    }
                    return conn.preparedQuery("UPDATE counters SET current_ticket_id = NULL, version = version + 1 "
                                    + "WHERE current_ticket_id = ANY($1)")
                            .execute(Tuple.of(ids))
                            .map(freed -> ids.length);
                }))
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<IssueOutcome> issue(Ticket draft, String prefix, TicketRequest request, String idempotencyKey,
                                      PrintOrder print, Integer estimateMinutes) {
        String fingerprint = request.fingerprint();
        Future<Optional<IssueOutcome>> earlier = idempotencyKey == null
                ? Future.succeededFuture(Optional.empty())
                : findByKey(idempotencyKey, fingerprint);
        return earlier
                .compose(found -> found.isPresent()
                        ? Future.succeededFuture(found.get())
                        : insert(draft, prefix, request, idempotencyKey, fingerprint, print, estimateMinutes))
                .recover(StoreFailures::translate);
    }

    private Future<IssueOutcome> insert(Ticket draft, String prefix, TicketRequest request, String key,
                                        String fingerprint, PrintOrder print, Integer estimateMinutes) {
        return nextNumber(draft.serviceDay(), prefix).compose(sequence -> {
            Ticket ticket = numbered(draft, TicketNumbering.format(prefix, sequence));
            List<Object> values = new ArrayList<>(Arrays.asList(ticket.id(), ticket.number(), sequence.intValue(),
                    ticket.serviceDay(), ticket.siteId(), ticket.serviceId(), ticket.priorityGroup(),
                    ticket.channel().wireName(), ticket.status().wireName(), time(ticket.issuedAt()), ticket.note(),
                    request.printerId(), key, key == null ? null : fingerprint, request.phone(),
                    time(ticket.slotStart()), estimateMinutes));
            Future<Boolean> inserted;
            if (print == null) {
                // The plain statement: most tickets print nowhere, and it costs the database the least.
                inserted = pool.preparedQuery(INSERT_TICKET).execute(Tuple.wrap(values)).map(r -> r.rowCount() == 1);
            } else {
                values.add(print.jobId());
                values.add(print.payload().apply(ticket));
                inserted = pool.preparedQuery(INSERT_TICKET_AND_JOB).execute(Tuple.wrap(values))
                        .map(r -> r.iterator().next().getLong("tickets") == 1);
            }
            return inserted.compose(created -> created
                    ? Future.succeededFuture(new IssueOutcome(ticket, false))
                    // A concurrent request with the same key won the race: answer with its ticket.
                    : findByKey(key, fingerprint).map(Optional::orElseThrow));
        });
    }

    @Override
    public Future<List<Future<IssueOutcome>>> issueAll(List<IssueDraft> drafts) {
        if (drafts.size() == 1) {
            return settled(List.of(alone(drafts.get(0))));
        }
        return together(drafts).recover(failed -> {
            if (StoreFailures.isUnavailable(failed)) {
                // The database did not answer: the batch may have been committed, so it is not written
                // again (that could issue an unkeyed ticket twice); each request answers 503, as alone.
                List<Future<IssueOutcome>> unavailable = drafts.stream()
                        .map(d -> StoreFailures.<IssueOutcome>translate(failed)).toList();
                return settled(unavailable);
            }
            // The database refused the shared statement (one draft broke a constraint, say), so nothing
            // of it was stored: each draft alone, so that each gets its own answer and one bad draft
            // fails only itself. The numbers the batch took are skipped.
            return settled(drafts.stream().map(this::alone).toList());
        });
    }

    private Future<IssueOutcome> alone(IssueDraft d) {
        return issue(d.draft(), d.prefix(), d.request(), d.idempotencyKey(), d.print(), d.estimateMinutes());
    }

    /** The futures once every one of them has completed, each with its own outcome or failure. */
    private static Future<List<Future<IssueOutcome>>> settled(List<Future<IssueOutcome>> outcomes) {
        return Future.join(outcomes).transform(done -> Future.succeededFuture(outcomes));
    }

    /**
     * The batch in one statement and one commit. A key seen twice in the batch is issued once (the first
     * draft with it leads; the others get its ticket as a replay); a key stored before is replayed.
     */
    private Future<List<Future<IssueOutcome>>> together(List<IssueDraft> drafts) {
        int n = drafts.size();
        int[] leader = new int[n];
        Map<String, Integer> firstWithKey = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String key = drafts.get(i).idempotencyKey();
            Integer first = key == null ? null : firstWithKey.putIfAbsent(key, i);
            leader[i] = first == null ? i : first;
        }
        return earlierByKey(firstWithKey.keySet()).compose(earlier -> {
            List<Future<IssueOutcome>> outcomes = new ArrayList<>(java.util.Collections.nCopies(n, null));
            List<Integer> fresh = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                IssueDraft d = drafts.get(i);
                if (leader[i] != i) {
                    continue;
                }
                Row before = d.idempotencyKey() == null ? null : earlier.get(d.idempotencyKey());
                if (before == null) {
                    fresh.add(i);
                } else {
                    outcomes.set(i, d.request().fingerprint().equals(before.getString("request_hash"))
                            ? Future.succeededFuture(new IssueOutcome(Rows.ticket(before), true))
                            : Future.failedFuture(new QueueException(Problem.IDEMPOTENCY_KEY_REUSED, d.idempotencyKey())));
                }
            }
            Future<Void> written = fresh.isEmpty() ? Future.succeededFuture()
                    : insertTogether(fresh.stream().map(drafts::get).toList()).map(issued -> {
                        for (int j = 0; j < fresh.size(); j++) {
                            outcomes.set(fresh.get(j), issued.get(j));
                        }
                        return null;
                    });
            return written.compose(done -> {
                for (int i = 0; i < n; i++) {
                    if (leader[i] != i) {
                        outcomes.set(i, sameKey(drafts.get(i), drafts.get(leader[i]), outcomes.get(leader[i])));
                    }
                }
                return settled(outcomes);
            });
        });
    }

    /** A second draft with the key of an earlier one in the same batch: its ticket as a replay, if the same request. */
    private static Future<IssueOutcome> sameKey(IssueDraft again, IssueDraft first, Future<IssueOutcome> firstOutcome) {
        if (!again.request().fingerprint().equals(first.request().fingerprint())) {
            return Future.failedFuture(new QueueException(Problem.IDEMPOTENCY_KEY_REUSED, again.idempotencyKey()));
        }
        return firstOutcome.map(outcome -> new IssueOutcome(outcome.ticket(), true));
    }

    /** The tickets stored before under any of these keys, by key, with their request_hash. */
    private Future<Map<String, Row>> earlierByKey(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        return pool.preparedQuery("SELECT " + TICKET_COLUMNS + ", idempotency_key, request_hash FROM tickets "
                        + "WHERE idempotency_key = ANY($1)")
                .execute(Tuple.of((Object) keys.toArray(new String[0])))
                .map(rows -> {
                    Map<String, Row> byKey = new HashMap<>();
                    rows.forEach(row -> byKey.put(row.getString("idempotency_key"), row));
                    return byKey;
                });
    }

    /** Numbers and inserts drafts that share no key, in one statement; one outcome each, in order. */
    private Future<List<Future<IssueOutcome>>> insertTogether(List<IssueDraft> drafts) {
        Future<long[]> numbers = TicketBatchInsert.numbers(pool, drafts).recover(e -> {
            if (!StoreFailures.hasSqlState(e, "42P01")) {
                return Future.failedFuture(e);
            }
            Future<Void> created = Future.succeededFuture();
            for (Map.Entry<LocalDate, java.util.Set<String>> day : TicketBatchInsert.prefixesByDay(drafts).entrySet()) {
                created = created.compose(done -> prepareDay(day.getKey(), day.getValue()));
            }
            return created.compose(done -> TicketBatchInsert.numbers(pool, drafts));
        });
        return numbers.compose(assigned -> {
            List<Ticket> tickets = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                IssueDraft d = drafts.get(i);
                tickets.add(numbered(d.draft(), TicketNumbering.format(d.prefix(), assigned[i])));
            }
            return TicketBatchInsert.insert(pool, drafts, tickets, assigned).map(inserted -> {
                List<Future<IssueOutcome>> outcomes = new ArrayList<>();
                for (int i = 0; i < drafts.size(); i++) {
                    IssueDraft d = drafts.get(i);
                    outcomes.add(inserted.contains(tickets.get(i).id())
                            ? Future.succeededFuture(new IssueOutcome(tickets.get(i), false))
                            // A concurrent request (another batch, another node) stored this key first.
                            : findByKey(d.idempotencyKey(), d.request().fingerprint()).map(Optional::orElseThrow)
                                    .recover(StoreFailures::translate));
                }
                return outcomes;
            });
        });
    }

    /** The next number of the day for a prefix; the day's sequence is created on first use. */
    private Future<Long> nextNumber(LocalDate serviceDay, String prefix) {
        String sequence = TicketNumbering.sequenceName(serviceDay, prefix);
        Future<Long> next = pool.preparedQuery("SELECT nextval($1::text::regclass)").execute(Tuple.of(sequence))
                .map(rows -> rows.iterator().next().getLong(0));
        return next.recover(e -> StoreFailures.hasSqlState(e, "42P01")
                ? prepareDay(serviceDay, List.of(prefix)).compose(created -> nextNumber(serviceDay, prefix))
                : Future.failedFuture(e));
    }

    private static Ticket numbered(Ticket draft, String number) {
        return new Ticket(draft.id(), number, draft.serviceDay(), draft.siteId(), draft.serviceId(),
                draft.priorityGroup(), draft.channel(), draft.status(), draft.issuedAt(), draft.queuedSince(), null,
                null, null, null, null, 0, 1, draft.note(), draft.slotStart());
    }

    @Override
    public Future<Optional<IssueOutcome>> issuedBefore(TicketRequest request, String idempotencyKey) {
        return findByKey(idempotencyKey, request.fingerprint()).recover(StoreFailures::translate);
    }

    private Future<Optional<IssueOutcome>> findByKey(String key, String fingerprint) {
        return EarlierRequests.find(pool, "tickets", TICKET_COLUMNS, key, fingerprint,
                row -> new IssueOutcome(Rows.ticket(row), true));
    }

    @Override
    public Future<Optional<Ticket>> ticket(UUID id) {
        return ticket(pool, id, false).recover(StoreFailures::translate);
    }

    @Override
    public Future<Optional<Ticket>> ticketByNumber(LocalDate serviceDay, String number) {
        return pool.preparedQuery("SELECT " + TICKET_COLUMNS + " FROM tickets WHERE service_day = $1 AND number = $2")
                .execute(Tuple.of(serviceDay, number))
                .map(PgQueueStore::firstTicket)
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<List<Counter>> counters() {
        return pool.query("SELECT " + COUNTER_COLUMNS + " FROM counters ORDER BY id").execute()
                .map(rows -> {
                    List<Counter> counters = new ArrayList<>();
                    rows.forEach(row -> counters.add(Rows.counter(row)));
                    return counters;
                })
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Optional<Counter>> counter(int id) {
        return pool.preparedQuery("SELECT " + COUNTER_COLUMNS + " FROM counters WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 0 ? Optional.<Counter>empty()
                        : Optional.of(Rows.counter(rows.iterator().next())))
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<BoardState> boardState(LocalDate serviceDay, int recentCallsPerSite) {
        Future<List<Counter>> counters = counters();
        Future<List<Ticket>> active = pool.preparedQuery("SELECT " + TICKET_COLUMNS + " FROM tickets "
                        + "WHERE service_day = $1 AND status IN ('waiting', 'called', 'serving')")
                .execute(Tuple.of(serviceDay))
                .map(PgQueueStore::allTickets);
        Future<Map<String, List<RecentCall>>> recent = pool.preparedQuery("SELECT id, number, service_id, counter_id, "
                        + "called_at, site_id FROM (SELECT t.*, row_number() OVER (PARTITION BY site_id "
                        + "ORDER BY called_at DESC) AS rank FROM tickets t WHERE service_day = $1 "
                        + "AND called_at IS NOT NULL AND counter_id IS NOT NULL) latest WHERE rank <= $2 "
                        + "ORDER BY site_id, called_at DESC")
                .execute(Tuple.of(serviceDay, recentCallsPerSite))
                .map(rows -> {
                    Map<String, List<RecentCall>> bySite = new HashMap<>();
                    for (Row row : rows) {
                        bySite.computeIfAbsent(row.getString("site_id"), s -> new ArrayList<>()).add(new RecentCall(
                                row.getUUID("id"), row.getString("number"), row.getString("service_id"),
                                row.getInteger("counter_id"), row.getOffsetDateTime("called_at").toInstant(), false));
                    }
                    return bySite;
                });
        return Future.all(counters, active, recent)
                .map(all -> new BoardState(counters.result(), active.result(), recent.result()))
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<DeskChange> changeCounter(int counterId, Actor actor, Command command, Instant now,
                                            Function<Desk, DeskChange> action) {
        return atDesk(counterId, actor, command, replayed -> replayed, (conn, desk) -> save(conn,
                action.apply(desk), desk.currentTicket(), desk.counter(), actor, command, now));
    }

    /**
     * The one way a counter action runs, in one transaction: lock the counter, answer a retried command
     * with its first outcome, else give the counter and its current ticket to the action as a {@link Desk}.
     * The lock, the command log read and the current ticket's lock go out together, behind BEGIN, in one
     * round trip: PostgreSQL runs them in the order sent, so the two reads run once the counter is locked,
     * and their answers are looked at in that order too, so a failure is the same one as when each waited.
     *
     * @param fromReplay what the action answers for a retried command's first outcome
     */
    private <T> Future<T> atDesk(int counterId, Actor actor, Command command, Function<DeskChange, T> fromReplay,
                                 BiFunction<SqlConnection, Desk, Future<T>> action) {
        return atDesk(counterId, actor, command, fromReplay, conn -> Future.succeededFuture(),
                (conn, desk, nothing) -> action.apply(conn, desk));
    }

    /**
     * As above, with one more read sent in the same first round trip, after the others, for an action that
     * needs it (a call's line heads): it is given to the action as a future. A retried command's replay
     * does not look at it.
     */
    private <T, R> Future<T> atDesk(int counterId, Actor actor, Command command, Function<DeskChange, T> fromReplay,
                                    Function<SqlConnection, Future<R>> readAlongside, DeskAction<T, R> action) {
        return PipelinedTransaction.<T>run(pool, conn -> {
                    Future<Counter> locked = lockCounter(conn, counterId);
                    Future<Optional<Row>> logged = commandLogged(conn, command);
                    Future<Optional<Ticket>> current = currentTicket(conn, counterId);
                    Future<R> alongside = readAlongside.apply(conn);
                    return locked.compose(counter -> replay(conn, command, counter, logged)
                            .compose(replayed -> replayed.isPresent()
                                    ? Future.succeededFuture(fromReplay.apply(replayed.get()))
                                    : current.compose(ticket -> action.apply(conn,
                                            new Desk(counter, ticket.orElse(null), actor), alongside))));
                })
                .recover(StoreFailures::translate);
    }

    /** A counter action given its desk and the read sent along with the counter's lock. */
    @FunctionalInterface
    private interface DeskAction<T, R> {
        Future<T> apply(SqlConnection conn, Desk desk, Future<R> alongside);
    }

    @Override
    public Future<Optional<DeskChange>> callNext(int counterId, Actor actor, Command command, Instant now,
                                                 LocalDate serviceDay,
                                                 BiFunction<Counter, List<Ticket>, Optional<Ticket>> chooser) {
        return callNext(counterId, actor, command, now, serviceDay, chooser, 1);
    }

    private Future<Optional<DeskChange>> callNext(int counterId, Actor actor, Command command, Instant now,
                                                  LocalDate serviceDay,
                                                  BiFunction<Counter, List<Ticket>, Optional<Ticket>> chooser,
                                                  int attempt) {
        return atDesk(counterId, actor, command, Optional::of, conn -> lineHeads(conn, counterId, serviceDay, now),
                (conn, desk, heads) -> {
                    desk.requireReadyToCall();
                    return callFirstFree(conn, desk, heads, actor, command, now, chooser);
                })
                .recover(failure -> {
                    if (!(failure instanceof LostRace)) {
                        return Future.failedFuture(failure);
                    }
                    if (attempt >= MAX_CALL_ATTEMPTS) {
                        return Future.failedFuture(new IllegalStateException("counter " + counterId + " lost "
                                + attempt + " races for a ticket in a row", failure));
                    }
                    return callNext(counterId, actor, command, now, serviceDay, chooser, attempt + 1);
                });
    }

    /**
     * Asks the chooser for a ticket and claims it with a conditional update, sent together with the
     * counter's update and the logs (one round trip, not two). If another counter claimed the ticket first,
     * the update touches no row: the whole transaction rolls back, the rows sent with it too, and the call
     * starts again from the counter's lock and fresh line heads. A ticket is never called twice.
     */
    private Future<Optional<DeskChange>> callFirstFree(SqlConnection conn, Desk desk, Future<List<Ticket>> lineHeads,
                                                       Actor actor, Command command, Instant now,
                                                       BiFunction<Counter, List<Ticket>, Optional<Ticket>> chooser) {
        Counter counter = desk.counter();
        return lineHeads.compose(heads -> {
            Optional<Ticket> chosen = chooser.apply(counter, heads);
            if (chosen.isEmpty()) {
                return Future.succeededFuture(Optional.empty());
            }
            DeskChange change = desk.call(chosen.get(), now);
            Future<Boolean> claimed = conn.preparedQuery(UPDATE_TICKET)
                    .execute(Rows.ticketUpdate(change.ticket(), chosen.get().version()))
                    .map(updated -> updated.rowCount() == 1);
            Future<DeskChange> saved = saveCounterAndLogs(conn, change, counter, actor, command, now);
            return claimed.compose(won -> won ? saved.map(Optional::of)
                    : Future.failedFuture(new LostRace(counter.id(), chosen.get().id())));
        });
    }

    /** Another counter claimed the chosen ticket between the heads' read and the claim: call again. */
    private static final class LostRace extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LostRace(int counterId, UUID ticketId) {
            super("counter " + counterId + " lost ticket " + ticketId + " to another counter", null, false, false);
        }
    }

    @Override
    public Future<DeskChange> callTicket(int counterId, Actor actor, Command command, Instant now, UUID ticketId) {
        return atDesk(counterId, actor, command, replayed -> replayed, (conn, desk) -> {
            desk.requireReadyToCall();
            return ticket(conn, ticketId, true).compose(found -> {
                Ticket waiting = found.orElseThrow(() -> new QueueException(Problem.TICKET_NOT_FOUND, ticketId));
                return save(conn, desk.call(waiting, now), waiting, desk.counter(), actor, command, now);
            });
        });
    }

    @Override
    public Future<TicketChange> changeTicket(UUID ticketId, String actor, String event, Instant now,
                                             Function<Ticket, Ticket> change) {
        return pool.withTransaction(conn -> ticket(conn, ticketId, true).compose(found -> {
                    Ticket before = found.orElseThrow(() -> new QueueException(Problem.TICKET_NOT_FOUND, ticketId));
                    Ticket after = change.apply(before);
                    if (after.version() == before.version()) {
                        return Future.succeededFuture(new TicketChange(before, false));
                    }
                    return updateTicket(conn, after, before.version())
                            .compose(done -> history(conn, now, event, after.id(), null, actor, after.siteId()))
                            .map(new TicketChange(after, true));
                }))
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Void> ping() {
        return pool.query("SELECT 1").execute().<Void>mapEmpty().recover(StoreFailures::translate);
    }

    /**
     * The ticket's update is sent with the counter's and the logs' rows without waiting for its answer: the
     * ticket is locked, so it touches its row unless something is badly wrong, and then the failure, the
     * first to be answered, rolls the whole transaction back.
     */
    private Future<DeskChange> save(SqlConnection conn, DeskChange change, Ticket ticketBefore, Counter counterBefore,
                                    Actor actor, Command command, Instant now) {
        Future<Void> ticketSaved = change.ticket() == null
                ? Future.succeededFuture()
                : updateTicket(conn, change.ticket(), ticketBefore.version());
        Future<DeskChange> rest = saveCounterAndLogs(conn, change, counterBefore, actor, command, now);
        return Future.all(ticketSaved, rest).map(change);
    }

    /**
     * The counter's update and the rows that log the change, sent together in one round trip: none needs
     * another's answer, PostgreSQL runs them in the order sent, and the first to fail (the first answered)
     * is the failure given, after which the transaction rolls back as when each waited for the last.
     */
    private Future<DeskChange> saveCounterAndLogs(SqlConnection conn, DeskChange change, Counter before, Actor actor,
                                                  Command command, Instant now) {
        Counter after = change.counter();
        Future<Void> counterSaved = after.version() == before.version()
                ? Future.succeededFuture()
                : conn.preparedQuery(UPDATE_COUNTER).execute(Rows.counterUpdate(after, before.version(), now))
                .compose(updated -> updated.rowCount() == 1 ? Future.<Void>succeededFuture()
                        : Future.failedFuture(new IllegalStateException("counter " + after.id() + " changed under lock")));
        UUID ticketId = change.ticket() == null ? null : change.ticket().id();
        Future<Void> historyLogged = history(conn, now, change.event().wireName(), ticketId, after.id(),
                actor.username(), change.ticket() == null ? after.siteId() : change.ticket().siteId());
        Future<Void> audited = AuditRows.counterChange(conn, actor, before, change, now);   // issue 10
        Future<Void> commandLogged = command.idempotencyKey() == null ? Future.succeededFuture()
                : conn.preparedQuery("INSERT INTO command_log (idempotency_key, scope, request_hash, event, "
                                + "counter_id, ticket_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.wrap(Arrays.asList(command.idempotencyKey(), command.scope(),
                        command.fingerprint(), change.event().wireName(), after.id(), ticketId, time(now))))
                .mapEmpty();
        return Future.all(counterSaved, historyLogged, audited, commandLogged).map(change);
    }

    /** The command log's row of this command's idempotency key, if it has one; empty for an unkeyed command. */
    private static Future<Optional<Row>> commandLogged(SqlConnection conn, Command command) {
        if (command.idempotencyKey() == null) {
            return Future.succeededFuture(Optional.empty());
        }
        return conn.preparedQuery("SELECT scope, request_hash, event, ticket_id FROM command_log "
                        + "WHERE idempotency_key = $1")
                .execute(Tuple.of(command.idempotencyKey()))
                .map(rows -> rows.rowCount() == 0 ? Optional.<Row>empty() : Optional.of(rows.iterator().next()));
    }

    /**
     * If this action was done before under the same idempotency key, answers with what it did then.
     * The log is read after the counter is locked, so a retry racing its original waits for it and then sees it.
     */
    private Future<Optional<DeskChange>> replay(SqlConnection conn, Command command, Counter counter,
                                                Future<Optional<Row>> logged) {
        return logged.compose(found -> {
            if (found.isEmpty()) {
                return Future.succeededFuture(Optional.empty());
            }
            Row done = found.get();
            if (!command.scope().equals(done.getString("scope"))
                    || !command.fingerprint().equals(done.getString("request_hash"))) {
                throw new QueueException(Problem.IDEMPOTENCY_KEY_REUSED, command.idempotencyKey());
            }
            EventType event = eventNamed(done.getString("event"));
            UUID ticketId = done.getUUID("ticket_id");
            Future<Optional<Ticket>> ticket = ticketId == null
                    ? Future.succeededFuture(Optional.empty()) : ticket(conn, ticketId, false);
            return ticket.map(t -> Optional.of(new DeskChange(event, counter, t.orElse(null), null, true)));
        });
    }

    private static EventType eventNamed(String wireName) {
        for (EventType type : EventType.values()) {
            if (type.wireName().equals(wireName)) {
                return type;
            }
        }
        throw new IllegalStateException("unknown event in command log: " + wireName);
    }

    private Future<Counter> lockCounter(SqlConnection conn, int counterId) {
        return conn.preparedQuery("SELECT " + COUNTER_COLUMNS + " FROM counters WHERE id = $1 FOR UPDATE")
                .execute(Tuple.of(counterId))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new QueueException(Problem.COUNTER_NOT_FOUND, counterId);
                    }
                    return Rows.counter(rows.iterator().next());
                });
    }

    /**
     * The ticket the counter holds, locked; found through the counter's row, so that it can go out with the
     * counter's lock instead of waiting for it (it runs after the lock, and so reads the locked row).
     */
    private static Future<Optional<Ticket>> currentTicket(SqlConnection conn, int counterId) {
        return conn.preparedQuery("SELECT " + TICKET_COLUMNS + " FROM tickets "
                        + "WHERE id = (SELECT current_ticket_id FROM counters WHERE id = $1) FOR UPDATE")
                .execute(Tuple.of(counterId))
                .map(PgQueueStore::firstTicket);
    }

    /** Only today's tickets: yesterday's stragglers wait for the day turnover to expire them. */
    private Future<List<Ticket>> lineHeads(SqlConnection conn, int counterId, LocalDate serviceDay, Instant now) {
        return conn.preparedQuery(LINE_HEADS)
                .execute(Tuple.of(counterId, serviceDay, time(now.plus(bookedWindow.early())),
                        (double) bookedWindow.late().toSeconds()))
                .map(PgQueueStore::allTickets);
    }

    private static Future<Optional<Ticket>> ticket(SqlClient client, UUID id, boolean forUpdate) {
        return client.preparedQuery("SELECT " + TICKET_COLUMNS + " FROM tickets WHERE id = $1"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .execute(Tuple.of(id))
                .map(PgQueueStore::firstTicket);
    }

    private static Future<Void> updateTicket(SqlConnection conn, Ticket ticket, int expectedVersion) {
        return conn.preparedQuery(UPDATE_TICKET).execute(Rows.ticketUpdate(ticket, expectedVersion))
                .compose(updated -> updated.rowCount() == 1 ? Future.<Void>succeededFuture()
                        : Future.failedFuture(new IllegalStateException("ticket " + ticket.number()
                        + " changed under lock")));
    }

    private static Future<Void> history(SqlConnection conn, Instant at, String event, UUID ticketId, Integer counterId,
                                        String actor, String siteId) {
        return conn.preparedQuery("INSERT INTO queue_history (at, event, ticket_id, counter_id, actor, site_id) "
                        + "VALUES ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.wrap(Arrays.asList(time(at), event, ticketId, counterId, actor, siteId)))
                .mapEmpty();
    }

    private static Optional<Ticket> firstTicket(RowSet<Row> rows) {
        return rows.rowCount() == 0 ? Optional.empty() : Optional.of(Rows.ticket(rows.iterator().next()));
    }

    private static List<Ticket> allTickets(RowSet<Row> rows) {
        List<Ticket> tickets = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> tickets.add(Rows.ticket(row)));
        return tickets;
    }
}
