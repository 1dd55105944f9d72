package vn.luot.core.domain.report;

import java.time.Duration;
import java.util.Arrays;

/**
 * Durations collected to the second, and the statistics the reports quote, all in minutes.
 * The median of an even count is the mean of the two middle values; the 90th percentile is the
 * nearest rank (the value at position ⌈0.9·n⌉ in ascending order).
 */
public final class Distribution {
    private long[] seconds = new long[16];
    private int size;

    public void add(Duration duration) {
        if (duration == null) {
            return;
        }
        if (size == seconds.length) {
            seconds = Arrays.copyOf(seconds, size * 2);
        }
        seconds[size++] = Math.max(0, duration.toSeconds());
    }

    public int size() {
        return size;
    }

    public Double meanMinutes() {
        if (size == 0) {
            return null;
        }
        long sum = 0;
        for (int i = 0; i < size; i++) {
            sum += seconds[i];
        }
        return sum / 60.0 / size;
    }

    public Double medianMinutes() {
        if (size == 0) {
            return null;
        }
        long[] sorted = sorted();
        int middle = size / 2;
        double value = size % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        return value / 60.0;
    }

    public Double percentileMinutes(int percent) {
        if (size == 0) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * size);
        return sorted()[Math.max(rank, 1) - 1] / 60.0;
    }

    public Double maxMinutes() {
        if (size == 0) {
            return null;
        }
        long max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, seconds[i]);
        }
        return max / 60.0;
    }

    private long[] sorted() {
        long[] copy = Arrays.copyOf(seconds, size);
        Arrays.sort(copy);
        return copy;
    }
}
