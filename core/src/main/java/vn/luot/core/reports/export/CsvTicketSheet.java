package vn.luot.core.reports.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import vn.luot.core.domain.report.ReportTicket;

/** Ticket rows as CSV. */
final class CsvTicketSheet implements TicketSheet {
    private final Csv csv;
    private final ReportWords words;

    CsvTicketSheet(OutputStream out, ReportWords words) throws IOException {
        this.csv = new Csv(out);
        this.words = words;
    }

    void header() throws IOException {
        csv.row(TicketColumns.headers(words));
    }

    @Override
    public void rows(List<ReportTicket> batch) throws IOException {
        for (ReportTicket t : batch) {
            csv.row(TicketColumns.values(t, words));
        }
    }

    @Override
    public void finish() throws IOException {
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
