package vn.luot.core.store.impl;

import static vn.luot.core.store.impl.Rows.TICKET_COLUMNS;
import static vn.luot.core.store.impl.Rows.time;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.store.ReportStore;

/** {@link ReportStore} on PostgreSQL. */
public final class PgReportStore implements ReportStore {
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
}
