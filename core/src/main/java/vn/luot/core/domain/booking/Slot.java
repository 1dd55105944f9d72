package vn.luot.core.domain.booking;

import java.time.Instant;
import java.util.Objects;

/**
 * One time slot of a service at a site: citizens booked into it are expected from {@code start}, and
 * at most {@code places} of them.
 */
public record Slot(Instant start, Instant end, int places) {
    public Slot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a slot ends after it starts");
        }
        if (places < 0) {
            throw new IllegalArgumentException("places must not be negative");
        }
    }
}
