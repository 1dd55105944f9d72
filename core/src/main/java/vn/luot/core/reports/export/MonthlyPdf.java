package vn.luot.core.reports.export;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import vn.luot.core.domain.report.Figures;
import vn.luot.core.domain.report.Kpi;
import vn.luot.core.domain.report.ReportQuery;
import vn.luot.core.domain.report.Summary;

/**
 * The one-page monthly summary for the ward's People's Committee, with OpenPDF (2.0.5, the last for Java
 * 17) and DejaVu Sans embedded (it has every Vietnamese letter; its licence is beside it in fonts/). The
 * main figures, each with its definition, and the month by service. Text is real text, so it can be
 * searched and copied.
 */
final class MonthlyPdf {
    /** The figures the page shows, in order; the full list is in the CSV and XLSX exports. */
    static final List<Kpi> FIGURES = List.of(Kpi.ISSUED, Kpi.SERVED, Kpi.NO_SHOWS, Kpi.ABANDONED,
            Kpi.WAIT_MEAN, Kpi.WAIT_MEDIAN, Kpi.WAIT_P90, Kpi.SERVICE_MEAN, Kpi.WITHIN_TARGET_SHARE,
            Kpi.BOOKINGS_IN_WINDOW_SHARE, Kpi.ESTIMATE_WITHIN_5_SHARE, Kpi.ESTIMATE_MEAN_ABSOLUTE_ERROR,
            Kpi.RATINGS, Kpi.RATING_MEAN, Kpi.SATISFIED_SHARE);
    private static final List<Kpi> BY_SERVICE = List.of(Kpi.ISSUED, Kpi.SERVED, Kpi.WAIT_MEAN,
            Kpi.WITHIN_TARGET_SHARE, Kpi.RATING_MEAN);
    private static final BaseFont REGULAR = font("fonts/DejaVuSans.ttf");
    private static final BaseFont BOLD = font("fonts/DejaVuSans-Bold.ttf");

    private MonthlyPdf() {
    }

    /** @param bySummary the month split by service */
    static void write(Summary total, Summary bySummary, ReportQuery query, ReportWords words, OutputStream out)
            throws IOException {
        Document document = new Document(PageSize.A4, 36, 36, 32, 32);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(words.text("pdf.title"));
            document.open();
            document.add(new Paragraph(words.centre(), new Font(BOLD, 13)));
            document.add(new Paragraph(words.text("pdf.title") + " " + String.format(Locale.ROOT, "%02d/%d",
                    query.from().getMonthValue(), query.from().getYear()) + " ("
                    + query.from() + " – " + query.to() + ")", new Font(BOLD, 11)));
            document.add(new Paragraph(words.text("export.site") + ": " + (query.siteId() == null
                    ? words.text("export.all") : words.site(query.siteId())), new Font(REGULAR, 9)));
            document.add(figures(total.total(), words));
            document.add(byService(bySummary, words));
            document.add(new Paragraph(words.text("pdf.footer"), new Font(REGULAR, 6.5f)));
        } catch (DocumentException e) {
            throw new IOException("the monthly PDF could not be written", e);
        } finally {
            document.close();
        }
    }

    private static PdfPTable figures(Figures total, ReportWords words) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {3.2f, 1.1f, 7f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        header(table, words.text("export.figure"), words.text("export.value"), words.text("export.definition"));
        for (Kpi kpi : FIGURES) {
            table.addCell(cell(words.label(kpi), REGULAR, 8));
            PdfPCell value = cell(format(kpi, total.get(kpi)), BOLD, 8);
            value.setHorizontalAlignment(Element.ALIGN_RIGHT);
            table.addCell(value);
            table.addCell(cell(words.definition(kpi), REGULAR, 6.5f));
        }
        return table;
    }

    private static PdfPTable byService(Summary summary, ReportWords words) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {3.4f, 1, 1, 1, 1.2f, 1});
        table.setWidthPercentage(100);
        table.setSpacingBefore(10);
        table.setSpacingAfter(6);
        String[] heads = new String[BY_SERVICE.size() + 1];
        heads[0] = words.text("groupBy.service");
        for (int i = 0; i < BY_SERVICE.size(); i++) {
            heads[i + 1] = words.label(BY_SERVICE.get(i));
        }
        header(table, heads);
        for (Summary.Group group : summary.groups()) {
            table.addCell(cell(words.service(group.key()), REGULAR, 8));
            for (Kpi kpi : BY_SERVICE) {
                PdfPCell value = cell(format(kpi, group.figures().get(kpi)), REGULAR, 8);
                value.setHorizontalAlignment(Element.ALIGN_RIGHT);
                table.addCell(value);
            }
        }
        return table;
    }

    private static void header(PdfPTable table, String... texts) {
        for (String text : texts) {
            PdfPCell cell = cell(text, BOLD, 7.5f);
            cell.setGrayFill(0.9f);
            table.addCell(cell);
        }
    }

    private static PdfPCell cell(String text, BaseFont font, float size) {
        PdfPCell cell = new PdfPCell(new Phrase(text, new Font(font, size)));
        cell.setPadding(2.5f);
        return cell;
    }

    /** Counts whole, shares as percentages, minutes and the mean rating with one decimal. */
    static String format(Kpi kpi, Double value) {
        if (value == null) {
            return "—";
        }
        if (kpi.isCount()) {
            return String.format(Locale.ROOT, "%d", value.longValue());
        }
        if (kpi.key().endsWith("Share")) {
            return String.format(Locale.ROOT, "%.1f %%", value * 100);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static BaseFont font(String resource) {
        try (InputStream in = MonthlyPdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException(resource + " is not a usable font", e);
        }
    }
}
