package vn.luot.core.domain.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A set of time spans, kept sorted and without overlaps: for "open", "busy" and "someone waited". */
public final class Intervals {
    /** A half-open span [start, end). */
    public record Span(Instant start, Instant end) {
        public Duration length() {
            return Duration.between(start, end);
        }
    }

    private final List<Span> spans;

    private Intervals(List<Span> spans) {
        this.spans = spans;
    }

    public static Intervals of(List<Span> raw) {
        List<Span> sorted = new ArrayList<>();
        for (Span s : raw) {
            if (s.end().isAfter(s.start())) {
                sorted.add(s);
            }
        }
        sorted.sort(Comparator.comparing(Span::start));
        List<Span> merged = new ArrayList<>();
        for (Span s : sorted) {
            Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !s.start().isAfter(last.end())) {
                merged.set(merged.size() - 1, new Span(last.start(), max(last.end(), s.end())));
            } else {
                merged.add(s);
            }
        }
        return new Intervals(merged);
    }

    public List<Span> spans() {
        return List.copyOf(spans);
    }

    public Duration total() {
        Duration sum = Duration.ZERO;
        for (Span s : spans) {
            sum = sum.plus(s.length());
        }
        return sum;
    }

    public Intervals intersect(Intervals other) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < spans.size() && j < other.spans.size()) {
            Span a = spans.get(i);
            Span b = other.spans.get(j);
            Instant start = max(a.start(), b.start());
            Instant end = min(a.end(), b.end());
            if (end.isAfter(start)) {
                out.add(new Span(start, end));
            }
            if (a.end().isBefore(b.end())) {
                i++;
            } else {
                j++;
            }
        }
        return new Intervals(out);
    }

    public Intervals minus(Intervals other) {
        List<Span> out = new ArrayList<>();
        for (Span a : spans) {
            Instant cursor = a.start();
            for (Span b : other.spans) {
                if (!b.end().isAfter(cursor) || !b.start().isBefore(a.end())) {
                    continue;
                }
                if (b.start().isAfter(cursor)) {
                    out.add(new Span(cursor, b.start()));
                }
                cursor = max(cursor, b.end());
            }
            if (a.end().isAfter(cursor)) {
                out.add(new Span(cursor, a.end()));
            }
        }
        return new Intervals(out);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
