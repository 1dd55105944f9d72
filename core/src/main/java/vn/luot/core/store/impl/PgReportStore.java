package vn.luot.core.store.impl;

import static vn.luot.core.store.impl.Rows.TICKET_COLUMNS;
import static vn.luot.core.store.impl.Rows.time;

import io.vertx.core.Future;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import vn.luot.core.domain.report.CounterEvent;
import vn.luot.core.domain.report.ReportQuery;
import vn.luot.core.domain.report.ReportTicket;
import vn.luot.core.domain.ticket.Channel;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketStatus;
import vn.luot.core.store.ReportStore;

/** {@link ReportStore} on PostgreSQL. */
public final class PgReportStore implements ReportStore {
    /** Rows fetched per round trip when streaming: small enough to keep the heap flat, large enough to be quick. */
    private static final int BATCH = 500;

    /**
     * A ticket with what its history adds: the first call, who served it, its transfers and site moves.
     * The hour of issue is taken in the centre's time zone ($3).
     */
    private static final String TICKETS = "SELECT t.id, t.number, t.service_day, t.site_id, t.service_id, t.channel, t.status, "
            + "t.issued_at, t.called_at, t.serving_at, t.finished_at, t.counter_id, t.slot_start, "
            + "t.issued_estimate_minutes, extract(hour FROM t.issued_at AT TIME ZONE $3)::int AS issued_hour, "
            + "h.first_called_at, h.served_by, h.transfers, h.site_moves, r.level AS rating, r.reason AS rating_reason "
            + "FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id LEFT JOIN LATERAL ("
            + "  SELECT min(q.at) FILTER (WHERE q.event = 'ticket.called') AS first_called_at, "
            + "    (array_agg(q.actor ORDER BY q.at DESC) FILTER (WHERE q.event IN ('ticket.completed', "
            + "      'ticket.no_show')))[1] AS served_by, "
            + "    count(*) FILTER (WHERE q.event = 'ticket.transferred')::int AS transfers, "
            + "    count(*) FILTER (WHERE q.event = 'ticket.transferred' AND q.site_id <> c.site_id)::int AS site_moves "
            + "  FROM queue_history q LEFT JOIN counters c ON c.id = q.counter_id WHERE q.ticket_id = t.id) h ON true "
            + "WHERE t.service_day BETWEEN $1 AND $2 AND ($4::text IS NULL OR t.site_id = $4) "
            + "AND ($5::text IS NULL OR t.service_id = $5) ORDER BY t.issued_at, t.id";
    private static final String COUNTER_EVENTS = "SELECT q.at, q.event, q.counter_id, q.actor, c.site_id "
            + "FROM queue_history q JOIN counters c ON c.id = q.counter_id "
            + "WHERE q.at >= $1 AND q.at < $2 AND ($3::text IS NULL OR c.site_id = $3) "
            + "ORDER BY q.counter_id, q.at, q.id";

    /** Per past ticket, its hour of issue in the centre's time zone ($5) and its wait until the first call, in ms. */
    private static final String WAITS = "SELECT extract(hour FROM t.issued_at AT TIME ZONE $5)::int AS hour, "
            + "(extract(epoch FROM h.first_called_at - t.issued_at) * 1000)::bigint AS wait_ms FROM tickets t "
            + "JOIN LATERAL (SELECT min(q.at) AS first_called_at FROM queue_history q "
            + "  WHERE q.ticket_id = t.id AND q.event = 'ticket.called') h ON h.first_called_at IS NOT NULL "
            + "WHERE t.service_day BETWEEN $3 AND $4 AND t.site_id = $1 AND t.service_id = $2";

    private final Pool pool;

    public PgReportStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<List<Ticket>> finishedAt(int counterId, Instant from, Instant to) {
        return pool.preparedQuery("SELECT " + TICKET_COLUMNS + " FROM tickets WHERE counter_id = $1 "
                        + "AND status IN ('completed', 'no_show') AND finished_at >= $2 AND finished_at < $3")
                .execute(Tuple.of(counterId, time(from), time(to)))
                .map(rows -> {
                    List<Ticket> tickets = new ArrayList<>(rows.rowCount());
                    rows.forEach(row -> tickets.add(Rows.ticket(row)));
                    return tickets;
                })
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Void> tickets(ReportQuery query, ZoneId zone, Consumer<ReportTicket> each) {
        Tuple args = Tuple.wrap(Arrays.asList(query.from(), query.to(), zone.getId(), query.siteId(),
                query.serviceId()));
        return stream(TICKETS, args, row -> each.accept(reportTicket(row)));
    }

    @Override
    public Future<Void> counterEvents(Instant from, Instant to, String siteId, Consumer<CounterEvent> each) {
        Tuple args = Tuple.wrap(Arrays.asList(time(from), time(to), siteId));
        return stream(COUNTER_EVENTS, args, row -> each.accept(new CounterEvent(instant(row, "at"),
                row.getString("event"), row.getInteger("counter_id"), row.getString("actor"),
                row.getString("site_id"))));
    }

    @Override
    public Future<Long> countTickets(ReportQuery query) {
        return pool.preparedQuery("SELECT count(*) FROM tickets t WHERE t.service_day BETWEEN $1 AND $2 "
                        + "AND ($3::text IS NULL OR t.site_id = $3) AND ($4::text IS NULL OR t.service_id = $4)")
                .execute(Tuple.wrap(Arrays.asList(query.from(), query.to(), query.siteId(), query.serviceId())))
                .map(rows -> rows.iterator().next().getLong(0))
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<List<vn.luot.core.domain.booking.UsualWaits.PastWait>> waitsUntilFirstCall(String siteId,
            String serviceId, java.time.LocalDate from, java.time.LocalDate to, ZoneId zone) {
        return pool.preparedQuery(WAITS).execute(Tuple.of(siteId, serviceId, from, to, zone.getId()))
                .map(rows -> {
                    List<vn.luot.core.domain.booking.UsualWaits.PastWait> waits = new ArrayList<>(rows.rowCount());
                    rows.forEach(row -> waits.add(new vn.luot.core.domain.booking.UsualWaits.PastWait(
                            row.getInteger("hour"), java.time.Duration.ofMillis(row.getLong("wait_ms")))));
                    return waits;
                })
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<TicketCursor> openTickets(ReportQuery query, ZoneId zone) {
        Tuple args = Tuple.wrap(Arrays.asList(query.from(), query.to(), zone.getId(), query.siteId(),
                query.serviceId()));
        return pool.getConnection().compose(conn -> conn.begin()
                        .compose(tx -> conn.prepare(TICKETS).map(statement -> {
                            Cursor cursor = statement.cursor(args);
                            return (TicketCursor) new PgTicketCursor(conn, tx, cursor);
                        }))
                        .onFailure(e -> conn.close()))
                .recover(StoreFailures::translate);
    }

    /** A cursor in its own transaction on its own connection of the reports' pool. */
    private static final class PgTicketCursor implements TicketCursor {
        private final SqlConnection conn;
        private final Transaction tx;
        private final Cursor cursor;
        private int reads;

        PgTicketCursor(SqlConnection conn, Transaction tx, Cursor cursor) {
            this.conn = conn;
            this.tx = tx;
            this.cursor = cursor;
        }

        @Override
        public Future<List<ReportTicket>> next() {
            if (cursor.isClosed() || (reads > 0 && !cursor.hasMore())) {
                return Future.succeededFuture(List.of());
            }
            reads++;
            return cursor.read(BATCH).map(rows -> {
                List<ReportTicket> batch = new ArrayList<>(rows.rowCount());
                rows.forEach(row -> batch.add(reportTicket(row)));
                return batch;
            }).recover(StoreFailures::translate);
        }

        @Override
        public Future<Void> close() {
            return cursor.close().transform(closed -> tx.rollback()).transform(done -> conn.close());
        }
    }

    /** Reads a query through a cursor (PostgreSQL keeps cursors inside a transaction), a batch at a time. */
    private Future<Void> stream(String sql, Tuple args, Consumer<Row> each) {
        return pool.<Void>withTransaction(conn -> conn.prepare(sql).compose(statement -> {
                    Cursor cursor = statement.cursor(args);
                    return readAll(cursor, each).eventually(cursor::close);
                }))
                .recover(StoreFailures::translate);
    }

    private static Future<Void> readAll(Cursor cursor, Consumer<Row> each) {
        return cursor.read(BATCH).compose(rows -> {
            rows.forEach(each);
            return cursor.hasMore() ? readAll(cursor, each) : Future.succeededFuture();
        });
    }

    private static ReportTicket reportTicket(Row row) {
        return new ReportTicket(
                row.getUUID("id"),
                row.getString("number"),
                row.getLocalDate("service_day"),
                row.getInteger("issued_hour"),
                row.getString("site_id"),
                row.getString("service_id"),
                Channel.fromWire(row.getString("channel")).orElse(null),
                TicketStatus.fromWire(row.getString("status")).orElseThrow(),
                instant(row, "issued_at"),
                instant(row, "first_called_at"),
                instant(row, "called_at"),
                instant(row, "serving_at"),
                instant(row, "finished_at"),
                row.getInteger("counter_id"),
                row.getString("served_by"),
                row.getInteger("issued_estimate_minutes"),
                instant(row, "slot_start"),
                row.getInteger("transfers"),
                row.getInteger("site_moves"),
                row.getInteger("rating"),
                row.getString("rating_reason"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
