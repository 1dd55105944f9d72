package vn.luot.core.reports.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.luot.core.domain.report.ReportQuery;
import vn.luot.core.domain.report.Summary;

/** The summary as CSV (sections one after another) or XLSX (a sheet per section). */
final class SummaryFiles {
    private SummaryFiles() {
    }

    static void csv(Summary summary, ReportQuery query, ReportWords words, OutputStream out) throws IOException {
        try (Csv csv = new Csv(out)) {
            for (List<List<Object>> section : List.of(SummaryTable.heading(query, words),
                    SummaryTable.figures(summary.total(), words), SummaryTable.groups(summary, words),
                    SummaryTable.hours(summary, words))) {
                for (List<Object> row : section) {
                    csv.row(row);
                }
                csv.row();
            }
        }
    }

    static void xlsx(Summary summary, ReportQuery query, ReportWords words, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Luot", "1.0");
        Worksheet figures = workbook.newWorksheet(words.text("sheet.summary"));
        int row = write(figures, 0, SummaryTable.heading(query, words));
        write(figures, row + 1, SummaryTable.figures(summary.total(), words));
        figures.width(0, 45);
        figures.width(2, 100);
        figures.finish();
        Worksheet groups = workbook.newWorksheet(words.text("sheet.groups"));
        write(groups, 0, SummaryTable.groups(summary, words));
        groups.finish();
        Worksheet hours = workbook.newWorksheet(words.text("sheet.hours"));
        write(hours, 0, SummaryTable.hours(summary, words));
        hours.finish();
        workbook.finish();
    }

    private static int write(Worksheet sheet, int first, List<List<Object>> rows) {
        int r = first;
        for (List<Object> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                XlsxTicketSheet.cell(sheet, r, c, row.get(c));
            }
            r++;
        }
        return r;
    }
}
