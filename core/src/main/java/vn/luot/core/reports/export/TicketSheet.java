package vn.luot.core.reports.export;

import java.io.IOException;
import java.util.List;
import vn.luot.core.domain.report.ReportTicket;

/** Writes ticket rows to a file a batch at a time (on a worker thread: the libraries block). */
public interface TicketSheet extends AutoCloseable {
    void rows(List<ReportTicket> batch) throws IOException;

    /** Writes the end of the file; the file is complete only after this. */
    void finish() throws IOException;

    @Override
    void close() throws IOException;
}
