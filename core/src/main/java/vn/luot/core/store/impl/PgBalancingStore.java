package vn.luot.core.store.impl;

import static vn.luot.core.store.impl.Rows.COUNTER_COLUMNS;
import static vn.luot.core.store.impl.Rows.TICKET_COLUMNS;
import static vn.luot.core.store.impl.Rows.time;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import vn.luot.core.domain.Actor;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.balancing.Notice;
import vn.luot.core.domain.balancing.TicketMoves;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.counter.Counter;
import vn.luot.core.domain.counter.Desk;
import vn.luot.core.domain.counter.DeskChange;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.store.BalancingStore;
import vn.luot.core.store.Command;

/** {@link BalancingStore} on PostgreSQL. */
public final class PgBalancingStore implements BalancingStore {
    private static final String NOTICE_COLUMNS = "id, text_vi, text_en, site_ids, created_at, ends_at, created_by";
    private static final String UPDATE_COUNTER = "UPDATE counters SET state = $2, services = $3, opened_by = $4, "
            + "current_ticket_id = $5, priority_streak = $6, version = $7, updated_at = $8 "
            + "WHERE id = $1 AND version = $9";
    private static final String UPDATE_MOVED = "UPDATE tickets SET site_id = $2, assigned_counter_id = NULL, "
            + "version = $3 WHERE id = $1 AND version = $4";

    private final Pool pool;

    public PgBalancingStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Keyed<Notice>> postNotice(Notice notice, Actor actor, Command command) {
        return pool.<Keyed<Notice>>withTransaction(conn -> earlier(conn, command).compose(done -> {
                    if (done.isPresent()) {
                        UUID id = UUID.fromString(done.get().getString("noticeId"));
                        return conn.preparedQuery("SELECT " + NOTICE_COLUMNS + " FROM notices WHERE id = $1")
                                .execute(Tuple.of(id))
                                .map(rows -> new Keyed<>(notice(rows.iterator().next()), true));
                    }
                    return conn.preparedQuery("INSERT INTO notices (" + NOTICE_COLUMNS + ") VALUES ($1, $2, $3, $4, "
                                    + "$5, $6, $7)")
                            .execute(Tuple.of(notice.id(), notice.text().vi(), notice.text().en(),
                                    notice.siteIds().toArray(new String[0]), time(notice.createdAt()),
                                    time(notice.endsAt()), notice.createdBy()))
                            .compose(inserted -> AuditRows.insert(conn, notice.createdAt(), actor, "notice.posted",
                                    "notice:" + notice.id(), null, new JsonObject()
                                            .put("vi", notice.text().vi()).put("en", notice.text().en())
                                            .put("siteIds", new JsonArray(notice.siteIds()))
                                            .put("endsAt", notice.endsAt().toString())))
                            .compose(audited -> remember(conn, command, new JsonObject()
                                    .put("noticeId", notice.id().toString()), notice.createdAt()))
                            .map(new Keyed<>(notice, false));
                }))
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<CounterOutcome> changeCounter(int counterId, Actor actor, Command command, Instant now,
                                                Function<Desk, DeskChange> action,
                                                Function<DeskChange, JsonObject> answer) {
        return pool.<CounterOutcome>withTransaction(conn -> earlier(conn, command).compose(done -> {
                    if (done.isPresent()) {
                        return Future.succeededFuture(new CounterOutcome(null, done.get(), true));
                    }
                    return conn.preparedQuery("SELECT " + COUNTER_COLUMNS + " FROM counters WHERE id = $1 FOR UPDATE")
                            .execute(Tuple.of(counterId))
                            .compose(rows -> {
                                if (rows.rowCount() == 0) {
                                    throw new QueueException(Problem.COUNTER_NOT_FOUND, counterId);
                                }
                                Counter before = Rows.counter(rows.iterator().next());
                                Future<Ticket> current = before.currentTicketId() == null
                                        ? Future.succeededFuture(null)
                                        : conn.preparedQuery("SELECT " + TICKET_COLUMNS + " FROM tickets WHERE id = $1")
                                                .execute(Tuple.of(before.currentTicketId()))
                                                .map(t -> t.rowCount() == 0 ? null : Rows.ticket(t.iterator().next()));
                                return current.compose(ticket -> {
                                    DeskChange change = action.apply(new Desk(before, ticket, actor));
                                    JsonObject reply = answer.apply(change);
                                    Counter after = change.counter();
                                    return conn.preparedQuery(UPDATE_COUNTER)
                                            .execute(Rows.counterUpdate(after, before.version(), now))
                                            .compose(updated -> updated.rowCount() == 1 ? Future.<Void>succeededFuture()
                                                    : Future.failedFuture(new IllegalStateException(
                                                    "counter " + after.id() + " changed under lock")))
                                            .compose(saved -> conn.preparedQuery("INSERT INTO queue_history (at, event, "
                                                            + "ticket_id, counter_id, actor, site_id) VALUES ($1, $2, NULL, $3, $4, $5)")
                                                    .execute(Tuple.of(time(now), change.event().wireName(), after.id(),
                                                            actor.username(), after.siteId())))
                                            .compose(logged -> AuditRows.counterChange(conn, actor, before, change, now))
                                            .compose(audited -> remember(conn, command, reply, now))
                                            .map(new CounterOutcome(change, reply, false));
                                });
                            });
                }))
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Optional<JsonObject>> earlierAnswer(Command command) {
        return pool.withTransaction(conn -> earlier(conn, command)).recover(StoreFailures::translate);
    }

    @Override
    public Future<List<Notice>> activeNotices(Instant now) {
        return pool.preparedQuery("SELECT " + NOTICE_COLUMNS + " FROM notices WHERE ends_at > $1 ORDER BY created_at")
                .execute(Tuple.of(time(now)))
                .map(rows -> {
                    List<Notice> notices = new ArrayList<>();
                    rows.forEach(row -> notices.add(notice(row)));
                    return notices;
                })
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<List<WaitingPoint>> waitingLine(String siteId, LocalDate serviceDay, Instant from, Instant until,
                                                  java.time.Duration step) {
        return pool.preparedQuery("SELECT p.at, (SELECT count(*) FROM tickets t WHERE t.site_id = $1 "
                        + "AND t.service_day = $2 AND t.issued_at <= p.at "
                        + "AND coalesce(t.called_at, t.finished_at, 'infinity'::timestamptz) > p.at) AS waiting "
                        + "FROM (SELECT generate_series($3::timestamptz, $4::timestamptz, make_interval(secs => $5)) "
                        + "UNION SELECT $4::timestamptz) AS p(at) "
                        + "ORDER BY p.at")
                .execute(Tuple.of(siteId, serviceDay, time(from), time(until), (double) step.toSeconds()))
                .map(rows -> {
                    List<WaitingPoint> points = new ArrayList<>();
                    rows.forEach(row -> points.add(new WaitingPoint(row.getOffsetDateTime("at").toInstant(),
                            row.getLong("waiting").intValue())));
                    return points;
                })
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<List<AuditEntry>> audit(Instant from, Instant until) {
        return pool.preparedQuery("SELECT id, at, actor, action, target, before, after FROM audit_log "
                        + "WHERE at >= $1 AND at < $2 ORDER BY at, id")
                .execute(Tuple.of(time(from), time(until)))
                .map(rows -> {
                    List<AuditEntry> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(new AuditEntry(row.getLong("id"),
                            row.getOffsetDateTime("at").toInstant(), row.getString("actor"), row.getString("action"),
                            row.getString("target"), json(row.getValue("before")), json(row.getValue("after")))));
                    return entries;
                })
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<MoveOutcome> moveTickets(MoveSelection selection, Actor actor, Command command, Instant now,
                                           LocalDate serviceDay, Function<List<Ticket>, TicketMoves.Plan> planner,
                                           Function<TicketMoves.Plan, JsonObject> answer) {
        return pool.<MoveOutcome>withTransaction(conn -> earlier(conn, command).compose(done -> {
                    if (done.isPresent()) {
                        return Future.succeededFuture(new MoveOutcome(null, done.get(), true));
                    }
                    return lockSelected(conn, selection, serviceDay).compose(found -> {
                        TicketMoves.Plan plan = planner.apply(found);
                        JsonObject reply = answer.apply(plan);
                        return saveMoves(conn, plan, actor, now)
                                .compose(saved -> AuditRows.insert(conn, now, actor, "tickets.moved",
                                        "site:" + plan.fromSiteId(), movedJson(plan.before()), movedJson(plan.moved())))
                                .compose(audited -> remember(conn, command, reply, now))
                                .map(new MoveOutcome(plan, reply, false));
                    });
                }))
                .recover(StoreFailures::translate);
    }

    /** Moved tickets for the audit: number, site and version; no personal data. */
    private static JsonObject movedJson(List<Ticket> tickets) {
        JsonArray list = new JsonArray();
        tickets.forEach(t -> list.add(new JsonObject().put("id", t.id().toString()).put("number", t.number())
                .put("siteId", t.siteId()).put("serviceId", t.serviceId())));
        return new JsonObject().put("tickets", list);
    }

    private static Future<List<Ticket>> lockSelected(SqlConnection conn, MoveSelection selection, LocalDate day) {
        Future<io.vertx.sqlclient.RowSet<Row>> rows = selection.ticketIds() != null
                ? conn.preparedQuery("SELECT " + TICKET_COLUMNS + " FROM tickets WHERE id = ANY($1) FOR UPDATE")
                        .execute(Tuple.of(selection.ticketIds().toArray(new UUID[0])))
                // The newest waiting tickets of the line: the citizens who have waited least lose least.
                : conn.preparedQuery("SELECT " + TICKET_COLUMNS + " FROM tickets WHERE site_id = $1 AND service_id = $2 "
                                + "AND status = 'waiting' AND service_day = $3 AND assigned_counter_id IS NULL "
                                + "ORDER BY queued_since DESC, seq_no DESC LIMIT $4 FOR UPDATE")
                        .execute(Tuple.of(selection.fromSiteId(), selection.serviceId(), day, selection.count()));
        return rows.map(found -> {
            List<Ticket> tickets = new ArrayList<>();
            found.forEach(row -> tickets.add(Rows.ticket(row)));
            return tickets;
        });
    }

    private static Future<Void> saveMoves(SqlConnection conn, TicketMoves.Plan plan, Actor actor, Instant now) {
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < plan.moved().size(); i++) {
            Ticket before = plan.before().get(i);
            Ticket after = plan.moved().get(i);
            chain = chain.compose(done -> conn.preparedQuery(UPDATE_MOVED)
                    .execute(Tuple.of(after.id(), after.siteId(), after.version(), before.version()))
                    .compose(updated -> updated.rowCount() == 1 ? Future.<Void>succeededFuture()
                            : Future.failedFuture(new IllegalStateException("ticket " + after.number()
                            + " changed under lock")))
                    .compose(updated -> conn.preparedQuery("INSERT INTO queue_history (at, event, ticket_id, "
                                    + "counter_id, actor, site_id) VALUES ($1, $2, $3, NULL, $4, $5)")
                            .execute(Tuple.of(time(now), "ticket.moved", after.id(), actor.username(),
                                    after.siteId()))
                            .<Void>mapEmpty()));
        }
        return chain;
    }

    /** The answer of an earlier request with this key, if any; the same key with another request is refused. */
    private static Future<Optional<JsonObject>> earlier(SqlConnection conn, Command command) {
        if (command.idempotencyKey() == null) {
            return Future.succeededFuture(Optional.empty());
        }
        // Serialises a retry racing its original: the second waits for the first's commit, then sees it.
        return conn.preparedQuery("SELECT pg_advisory_xact_lock(hashtext($1))").execute(Tuple.of(command.idempotencyKey()))
                .compose(locked -> conn.preparedQuery("SELECT scope, request_hash, answer FROM manager_commands "
                        + "WHERE idempotency_key = $1").execute(Tuple.of(command.idempotencyKey())))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    if (!command.scope().equals(row.getString("scope"))
                            || !command.fingerprint().equals(row.getString("request_hash"))) {
                        throw new QueueException(Problem.IDEMPOTENCY_KEY_REUSED, command.idempotencyKey());
                    }
                    return Optional.of(json(row.getValue("answer")));
                });
    }

    private static Future<Void> remember(SqlConnection conn, Command command, JsonObject answer, Instant now) {
        if (command.idempotencyKey() == null) {
            return Future.succeededFuture();
        }
        return conn.preparedQuery("INSERT INTO manager_commands (idempotency_key, scope, request_hash, answer, "
                        + "created_at) VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(command.idempotencyKey(), command.scope(), command.fingerprint(), answer, time(now)))
                .mapEmpty();
    }

    private static Notice notice(Row row) {
        return new Notice(row.getUUID("id"), new LocalizedText(row.getString("text_vi"), row.getString("text_en")),
                Arrays.asList(row.getArrayOfStrings("site_ids")), row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("ends_at").toInstant(), row.getString("created_by"));
    }

    private static JsonObject json(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof JsonObject object ? object : new JsonObject(value.toString());
    }
}
