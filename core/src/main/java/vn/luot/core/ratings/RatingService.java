package vn.luot.core.ratings;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.printing.DeviceToken;
import vn.luot.core.domain.rating.Rating;
import vn.luot.core.domain.rating.RatingLevel;
import vn.luot.core.domain.rating.RatingRules;
import vn.luot.core.store.QueueStore;
import vn.luot.core.store.RatingStore;

/**
 * Satisfaction ratings: the counters' tablets (device tokens, as for printers) and the citizens' phones
 * rate served tickets, once each, within the window ({@link RatingRules}).
 */
public final class RatingService {
    /** A new tablet token; shown once. */
    public record IssuedToken(int counterId, String token, Instant issuedAt) {
        @Override
        public String toString() {
            return "IssuedToken[" + counterId + ", " + issuedAt + "]";
        }
    }

    /** Whether a ticket can be rated now, and whether it has been. */
    public record RatingStatus(UUID ticketId, boolean open, boolean rated) {
    }

    private final RatingStore store;
    private final QueueStore tickets;
    private final LuotConfig.Ratings settings;
    private final Clock clock;

    public RatingService(RatingStore store, QueueStore tickets, LuotConfig.Ratings settings, Clock clock) {
        this.store = store;
        this.tickets = tickets;
        this.settings = settings;
        this.clock = clock;
    }

    public LuotConfig.Ratings settings() {
        return settings;
    }

    /** Issues the device token of a counter's rating tablet; the previous one stops working. */
    public Future<IssuedToken> issueTabletToken(int counterId, String idempotencyKey) {
        Instant now = clock.instant();
        String token = DeviceToken.generate();
        return tickets.counter(counterId)
                .compose(found -> {
                    found.orElseThrow(() -> new QueueException(Problem.COUNTER_NOT_FOUND, counterId));
                    return store.replaceTabletToken(counterId, DeviceToken.hash(token), idempotencyKey, now);
                })
                .map(replaced -> {
                    if (!replaced) {
                        throw new QueueException(Problem.RATING_TOKEN_ALREADY_ISSUED, counterId);
                    }
                    return new IssuedToken(counterId, token, now);
                });
    }

    /** A rating from the counter's tablet: its token must be the counter's, the ticket served there. */
    public Future<Rating> rateAtCounter(int counterId, String token, UUID ticketId, RatingLevel level, String reason) {
        if (token == null || token.isBlank()) {
            return Future.failedFuture(new QueueException(Problem.MISSING_TOKEN));
        }
        return store.tabletTokenHash(counterId)
                .compose(hash -> {
                    if (!DeviceToken.matches(token, hash.orElse(null))) {
                        throw new QueueException(Problem.INVALID_TOKEN, "device token");
                    }
                    return rate(ticketId, counterId, level, reason);
                });
    }

    /** A rating from the citizen's phone (the tracking page). */
    public Future<Rating> rateFromPhone(UUID ticketId, RatingLevel level, String reason) {
        return rate(ticketId, null, level, reason);
    }

    public Future<RatingStatus> status(UUID ticketId) {
        Instant now = clock.instant();
        return tickets.ticket(ticketId).compose(found -> {
            var ticket = found.orElseThrow(() -> new QueueException(Problem.TICKET_NOT_FOUND, ticketId));
            return store.rating(ticketId).map(rating -> new RatingStatus(ticketId,
                    rating.isEmpty() && settings.rules().open(ticket, now), rating.isPresent()));
        });
    }

    private Future<Rating> rate(UUID ticketId, Integer counterId, RatingLevel level, String reason) {
        Instant now = clock.instant();
        return tickets.ticket(ticketId).compose(found -> {
            var ticket = found.orElseThrow(() -> new QueueException(Problem.TICKET_NOT_FOUND, ticketId));
            Rating rating = settings.rules().rate(ticket, counterId, level, reason, now);
            return store.save(rating).map(saved -> {
                if (!saved) {
                    throw new QueueException(Problem.RATING_ALREADY_GIVEN, ticket.number());
                }
                return rating;
            });
        });
    }
}
