package vn.luot.core.reports.export;

import java.time.Duration;
import java.util.List;
import vn.luot.core.domain.report.ReportTicket;

/**
 * The columns of the ticket-level export, the same for CSV and XLSX. No personal data: no names, phones,
 * notes or booking codes, only what the reports count (the staff member is the account name).
 * Values are strings, numbers (minutes to 0.01) or local date-times, null when empty.
 */
final class TicketColumns {
    static final List<String> KEYS = List.of("number", "serviceDay", "site", "service", "channel", "status",
            "issuedAt", "firstCalledAt", "servingAt", "finishedAt", "counter", "staff", "waitMinutes",
            "serviceMinutes", "estimateMinutes", "rating", "ratingReason");

    private TicketColumns() {
    }

    static List<String> headers(ReportWords words) {
        return KEYS.stream().map(key -> words.text("col." + key)).toList();
    }

    static Object[] values(ReportTicket t, ReportWords words) {
        return new Object[] {
                t.number(),
                t.serviceDay(),
                words.site(t.siteId()),
                words.service(t.serviceId()),
                t.channel() == null ? null : words.text("channel." + t.channel().wireName()),
                words.text("status." + t.status().wireName()),
                words.local(t.issuedAt()),
                words.local(t.firstCalledAt()),
                words.local(t.servingAt()),
                words.local(t.finishedAt()),
                t.counterId(),
                t.servedBy(),
                minutes(t.waitUntilFirstCall()),
                minutes(t.serviceTime()),
                t.estimateMinutes(),
                t.ratingScore(),
                t.ratingReason()};
    }

    private static Double minutes(Duration d) {
        return d == null ? null : Math.round(d.toSeconds() / 60.0 * 100) / 100.0;
    }
}
