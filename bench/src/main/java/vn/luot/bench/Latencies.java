package vn.luot.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;

/** A latency histogram in microseconds, safe to record from several event loops. */
final class Latencies {
    private static final long MAX_MICROS = TimeUnit.SECONDS.toMicros(300);
    private final ConcurrentHistogram histogram = new ConcurrentHistogram(MAX_MICROS, 3);

    void recordNanos(long nanos) {
        histogram.recordValue(Math.max(0, Math.min(MAX_MICROS, nanos / 1000)));
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The value at a percentile (0-100), in milliseconds. */
    double ms(double percentile) {
        return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMs() {
        return count() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
    }
}
