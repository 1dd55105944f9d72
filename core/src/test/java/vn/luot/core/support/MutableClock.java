package vn.luot.core.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** A clock tests can set and move, so that waits, targets and day boundaries are exact. */
public final class MutableClock extends Clock {
    public static final ZoneId CENTRE = ZoneId.of("Asia/Ho_Chi_Minh");
    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** Thursday 26 November 2026, 08:30 in Thanh Hóa: a working morning. */
    public static MutableClock workingMorning() {
        return new MutableClock(ZonedDateTime.of(2026, 11, 26, 8, 30, 0, 0, CENTRE).toInstant());
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
