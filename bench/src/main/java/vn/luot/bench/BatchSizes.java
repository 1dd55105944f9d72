package vn.luot.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * The sizes of the server's group commits during one step (issue 15): tickets per batch written in one
 * statement and one commit, from the difference of its {@code luot_issue_batch_size} histogram before and
 * after the step. The percentiles are bucket bounds (1, 2, 4, 8, ...): "p99 8" means 99 % of the batches
 * held at most 8 tickets.
 */
record BatchSizes(long batches, double mean, double p50, double p99) {
    static final String METRIC = "luot_issue_batch_size";

    static BatchSizes between(String before, String after) {
        long batches = Math.round(sample(after, METRIC + "_count") - sample(before, METRIC + "_count"));
        double tickets = sample(after, METRIC + "_sum") - sample(before, METRIC + "_sum");
        if (batches <= 0) {
            return new BatchSizes(0, 0, 0, 0);
        }
        TreeMap<Double, Double> upTo = new TreeMap<>();   // bucket bound -> batches of at most that size
        buckets(after).forEach((bound, count) -> upTo.put(bound, count - buckets(before).getOrDefault(bound, 0.0)));
        return new BatchSizes(batches, tickets / batches, quantile(upTo, batches, 0.50), quantile(upTo, batches, 0.99));
    }

    private static double quantile(TreeMap<Double, Double> upTo, long batches, double q) {
        for (Map.Entry<Double, Double> bucket : upTo.entrySet()) {
            if (bucket.getValue() >= q * batches) {
                return bucket.getKey();
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** The histogram's buckets, {@code name_bucket{le="8.0"} 12}, as bound -> cumulative count. */
    private static Map<Double, Double> buckets(String metrics) {
        Map<Double, Double> buckets = new TreeMap<>();
        String prefix = METRIC + "_bucket{le=\"";
        for (String line : metrics.split("\n")) {
            if (line.startsWith(prefix)) {
                String bound = line.substring(prefix.length(), line.indexOf('"', prefix.length()));
                if (!bound.equals("+Inf")) {
                    buckets.put(Double.parseDouble(bound), value(line));
                }
            }
        }
        return buckets;
    }

    private static double sample(String metrics, String name) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return value(line);
            }
        }
        return 0;
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
