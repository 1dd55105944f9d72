package vn.luot.core.domain.rating;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A citizen's rating of one served ticket. The store ties it to the ticket's service, counter and the
 * member of staff who completed it; a ticket has at most one.
 *
 * @param reason the id of a configured reason, only for a low level, or null
 */
public record Rating(UUID ticketId, RatingLevel level, String reason, RatingSource source, Instant ratedAt) {
    public Rating {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ratedAt, "ratedAt");
    }
}
