package vn.luot.core.reports.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.luot.core.domain.report.Figures;
import vn.luot.core.domain.report.GroupBy;
import vn.luot.core.domain.report.HourLoad;
import vn.luot.core.domain.report.Kpi;
import vn.luot.core.domain.report.ReportQuery;
import vn.luot.core.domain.report.Summary;

/**
 * A summary as rows of cells, the same for CSV, XLSX and the PDF: what it covers; every figure with its
 * name, value and one-line definition; the groups; the hours. The JSON holds the same figures.
 */
final class SummaryTable {
    private SummaryTable() {
    }

    static List<List<Object>> heading(ReportQuery query, ReportWords words) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(words.centre()));
        rows.add(List.of(words.text("export.range"), query.from(), query.to()));
        rows.add(List.of(words.text("export.site"), query.siteId() == null ? words.text("export.all")
                : words.site(query.siteId())));
        rows.add(List.of(words.text("export.service"), query.serviceId() == null ? words.text("export.all")
                : words.service(query.serviceId())));
        return rows;
    }

    /** Name, value, definition for every figure of the total, then each reason of low ratings. */
    static List<List<Object>> figures(Figures total, ReportWords words) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(words.text("export.figure"), words.text("export.value"), words.text("export.definition")));
        for (Kpi kpi : Kpi.values()) {
            rows.add(row(words.label(kpi), total.get(kpi), words.definition(kpi)));
        }
        for (Map.Entry<String, Long> reason : total.reasons().entrySet()) {
            rows.add(row(words.text("label.ratingReasons") + ": " + reason.getKey(), reason.getValue(),
                    words.text("kpi.ratingReasons")));
        }
        return rows;
    }

    static List<List<Object>> groups(Summary summary, ReportWords words) {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>();
        header.add(words.text("groupBy." + summary.groupBy().wireName()));
        for (Kpi kpi : Kpi.values()) {
            header.add(words.label(kpi));
        }
        rows.add(header);
        for (Summary.Group group : summary.groups()) {
            List<Object> row = new ArrayList<>();
            row.add(summary.groupBy() == GroupBy.SERVICE ? words.service(group.key()) : group.key());
            for (Kpi kpi : Kpi.values()) {
                row.add(group.figures().get(kpi));
            }
            rows.add(row);
        }
        return rows;
    }

    static List<List<Object>> hours(Summary summary, ReportWords words) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(words.text("label.hour"), words.text("label.arrivals"), words.text("label.counterHoursOpen")));
        for (HourLoad h : summary.hours()) {
            rows.add(List.of(String.format("%02d:00", h.hour()), h.arrivals(), h.counterHoursOpen()));
        }
        return rows;
    }

    private static List<Object> row(Object a, Object b, Object c) {
        List<Object> row = new ArrayList<>(3);
        row.add(a);
        row.add(b);
        row.add(c);
        return row;
    }
}
