package vn.luot.core.domain.report;

import java.util.List;

/**
 * A report: the figures over everything asked for, the same split by the chosen grouping, and the hours
 * of the day's arrivals against counters open.
 */
public record Summary(GroupBy groupBy, Figures total, List<Group> groups, List<HourLoad> hours) {

    /** @param key the day (yyyy-MM-dd), hour (HH), service id, counter id or staff username */
    public record Group(String key, Figures figures) {
    }

    public Summary {
        groups = List.copyOf(groups);
        hours = List.copyOf(hours);
    }
}
