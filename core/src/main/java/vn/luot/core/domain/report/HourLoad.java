package vn.luot.core.domain.report;

/**
 * Arrivals against staffing in one clock hour of the day (centre's time zone), summed over the range's
 * days: tickets issued in that hour, and counter-hours open in it (one counter open all hour is 1.0).
 * Where arrivals per counter-hour is high, staff fell short.
 */
public record HourLoad(int hour, long arrivals, double counterHoursOpen) {
}
