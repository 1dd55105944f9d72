package vn.luot.core.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import vn.luot.core.domain.rating.Rating;
import vn.luot.core.store.impl.PgRatingStore;

/** Citizens' ratings, and the device tokens of the counters' rating tablets. */
public interface RatingStore {

    static RatingStore create(Pool pool) {
        return new PgRatingStore(pool);
    }

    /**
     * Stores a tablet's new token hash (the old one stops working). False when a token was already issued
     * under this idempotency key: a retry must not issue a second token behind the first one's back.
     */
    Future<Boolean> replaceTabletToken(int counterId, String tokenHash, String idempotencyKey, Instant now);

    Future<Optional<String>> tabletTokenHash(int counterId);

    /**
     * Stores the rating with the ticket's site, service, counter, day and the member of staff who completed
     * it. False when the ticket already has a rating (nothing is changed).
     */
    Future<Boolean> save(Rating rating);

    Future<Optional<Rating>> rating(UUID ticketId);
}
