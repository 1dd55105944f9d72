package vn.luot.core.domain.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The working day a moment belongs to, in the centre's own time zone. Ticket numbers restart with
 * each service day, so 23:59 and 00:01 local time fall on different days whatever the server's zone.
 */
public final class ServiceDay {
    private ServiceDay() {
    }

    public static LocalDate of(Instant instant, ZoneId centreZone) {
        return instant.atZone(centreZone).toLocalDate();
    }
}
