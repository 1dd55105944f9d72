package vn.luot.core.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.List;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.store.impl.PgReportStore;

/** Read-only questions about work done, for the workstation's figures (and, later, reports). */
public interface ReportStore {

    static ReportStore create(Pool pool) {
        return new PgReportStore(pool);
    }

    /** The tickets the counter completed or marked as no-show between {@code from} (inclusive) and {@code to}. */
    Future<List<Ticket>> finishedAt(int counterId, Instant from, Instant to);
}
