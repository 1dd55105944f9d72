package vn.luot.core.domain.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one group (or the total). Counts are whole; minutes are rounded to 0.01 and shares
 * to 0.0001 here, once, so the JSON, the page and the exports all show the same numbers. A figure with
 * nothing to compute it from (no served ticket, no estimate) is null, not zero.
 */
public final class Figures {
    private final Map<Kpi, Double> values = new EnumMap<>(Kpi.class);
    private final Map<String, Long> reasons = new TreeMap<>();

    void put(Kpi kpi, Double value) {
        if (value == null) {
            values.remove(kpi);
            return;
        }
        double scale = kpi.isCount() ? 1 : kpi.key().endsWith("Share") ? 10_000 : 100;
        values.put(kpi, Math.round(value * scale) / scale);
    }

    /** The figure, or null when there was nothing to compute it from. */
    public Double get(Kpi kpi) {
        return values.get(kpi);
    }

    public Map<Kpi, Double> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** Low ratings by the reason given (reason id to count); ratings without a reason are not here. */
    public Map<String, Long> reasons() {
        return Collections.unmodifiableMap(reasons);
    }

    void putReasons(Map<String, Long> counts) {
        reasons.putAll(counts);
    }
}
