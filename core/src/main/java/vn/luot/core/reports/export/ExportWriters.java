package vn.luot.core.reports.export;

import java.io.IOException;
import java.io.OutputStream;
import vn.luot.core.domain.report.ReportQuery;
import vn.luot.core.domain.report.Summary;

/** The writers of the export files, by kind and format. Every method blocks: call them on a worker. */
public final class ExportWriters {
    private ExportWriters() {
    }

    /** An open file of ticket rows, its header written. */
    public static TicketSheet ticketSheet(ExportFormat format, OutputStream out, ReportWords words)
            throws IOException {
        switch (format) {
            case CSV -> {
                CsvTicketSheet csv = new CsvTicketSheet(out, words);
                csv.header();
                return csv;
            }
            case XLSX -> {
                XlsxTicketSheet xlsx = new XlsxTicketSheet(out, words);
                xlsx.header();
                return xlsx;
            }
            default -> throw new IllegalArgumentException("tickets are exported as CSV or XLSX");
        }
    }

    public static void summary(ExportFormat format, Summary summary, ReportQuery query, ReportWords words,
                               OutputStream out) throws IOException {
        switch (format) {
            case CSV -> SummaryFiles.csv(summary, query, words, out);
            case XLSX -> SummaryFiles.xlsx(summary, query, words, out);
            case PDF -> throw new IllegalArgumentException("the summary is exported as CSV or XLSX");
        }
    }

    public static void monthlyPdf(Summary total, Summary byService, ReportQuery query, ReportWords words,
                                  OutputStream out) throws IOException {
        MonthlyPdf.write(total, byService, query, words, out);
    }
}
