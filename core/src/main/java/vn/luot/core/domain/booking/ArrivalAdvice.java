package vn.luot.core.domain.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When the holder of a remote ticket should be in the hall ("nên có mặt trước 9:40"), and so when to
 * set off: {@code margin} before their turn is expected, but never sooner than they can get there.
 * With no estimate (no counter open for the service yet) the advice is to come now.
 *
 * @param arriveBy when to be in the hall
 * @param leaveBy  when to set off, given the travel time; never before now
 */
public record ArrivalAdvice(Instant arriveBy, Instant leaveBy) {

    public ArrivalAdvice {
        Objects.requireNonNull(arriveBy, "arriveBy");
        Objects.requireNonNull(leaveBy, "leaveBy");
    }

    /**
     * @param now         when the ticket was taken
     * @param waitMinutes the estimated wait of the new ticket, or null when there is none
     * @param travel      how long the citizen needs to get to the site
     * @param margin      how long before the expected turn to be there
     */
    public static ArrivalAdvice of(Instant now, Integer waitMinutes, Duration travel, Duration margin) {
        Instant earliest = now.plus(travel);
        if (waitMinutes == null) {
            return new ArrivalAdvice(earliest, now);
        }
        Instant turn = now.plus(Duration.ofMinutes(waitMinutes));
        Instant arrive = turn.minus(margin).isAfter(earliest) ? turn.minus(margin) : earliest;
        return new ArrivalAdvice(arrive, arrive.minus(travel));
    }
}
