package vn.luot.core.reports.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.luot.core.domain.report.ReportTicket;

/**
 * Ticket rows as XLSX with fastexcel: it streams each sheet's rows into the zip as they are flushed, so
 * the heap holds one batch, not the year (Apache POI's streaming SXSSF would do too, with a much larger
 * dependency). Text cells are inline, so no table of shared strings grows with the rows; a first sheet
 * says what each column is.
 */
final class XlsxTicketSheet implements TicketSheet {
    private final Workbook workbook;
    private final ReportWords words;
    private Worksheet sheet;
    private int row;

    XlsxTicketSheet(OutputStream out, ReportWords words) {
        this.workbook = new Workbook(out, "Luot", "1.0");
        this.words = words;
    }

    void header() throws IOException {
        Worksheet about = workbook.newWorksheet(words.text("sheet.about"));
        about.value(0, 0, words.centre());
        about.value(1, 0, words.text("export.ticketsNote"));
        about.finish();
        sheet = workbook.newWorksheet(words.text("sheet.tickets"));
        List<String> headers = TicketColumns.headers(words);
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
            sheet.style(0, c).bold().set();
        }
        row = 1;
    }

    @Override
    public void rows(List<ReportTicket> batch) throws IOException {
        for (ReportTicket t : batch) {
            Object[] values = TicketColumns.values(t, words);
            for (int c = 0; c < values.length; c++) {
                cell(sheet, row, c, values[c]);
            }
            row++;
        }
        sheet.flush();
    }

    static void cell(Worksheet sheet, int row, int column, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Number n) {
            sheet.value(row, column, n);
        } else if (value instanceof LocalDateTime time) {
            sheet.value(row, column, time);
            sheet.style(row, column).format("yyyy-mm-dd hh:mm:ss").set();
        } else if (value instanceof LocalDate day) {
            sheet.value(row, column, day);
            sheet.style(row, column).format("yyyy-mm-dd").set();
        } else {
            sheet.inlineString(row, column, value.toString());
        }
    }

    @Override
    public void finish() throws IOException {
        sheet.finish();
        workbook.finish();
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
