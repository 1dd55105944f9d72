package vn.luot.core.domain.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;

/**
 * What a report covers: service days {@code from} to {@code to} (both included, in the centre's time
 * zone), optionally one site and one service, split by {@code groupBy}.
 */
public record ReportQuery(LocalDate from, LocalDate to, String siteId, String serviceId, GroupBy groupBy) {
    /** A year and a day: enough for a yearly report whatever the leap years, and bounded. */
    public static final int MAX_DAYS = 367;

    public ReportQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(groupBy, "groupBy");
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new QueueException(Problem.INVALID_FIELD, "to", FieldRule.DATE_RANGE);
        }
    }
}
