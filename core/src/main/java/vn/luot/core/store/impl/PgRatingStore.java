package vn.luot.core.store.impl;

import static vn.luot.core.store.impl.Rows.time;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import vn.luot.core.domain.rating.Rating;
import vn.luot.core.domain.rating.RatingLevel;
import vn.luot.core.domain.rating.RatingSource;
import vn.luot.core.store.RatingStore;

/** {@link RatingStore} on PostgreSQL. */
public final class PgRatingStore implements RatingStore {
    /** The rating with what it is reported by, taken from the ticket and its history in the same statement. */
    private static final String INSERT = "INSERT INTO ratings (ticket_id, level, reason, source, site_id, service_id, "
            + "counter_id, staff, service_day, rated_at) "
            + "SELECT t.id, $2, $3, $4, t.site_id, t.service_id, t.counter_id, "
            + "(SELECT q.actor FROM queue_history q WHERE q.ticket_id = t.id AND q.event = 'ticket.completed' "
            + " ORDER BY q.at DESC, q.id DESC LIMIT 1), t.service_day, $5 FROM tickets t WHERE t.id = $1 "
            + "ON CONFLICT (ticket_id) DO NOTHING";

    private final Pool pool;

    public PgRatingStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Boolean> replaceTabletToken(int counterId, String tokenHash, String idempotencyKey, Instant now) {
        return pool.preparedQuery("INSERT INTO rating_tablets (counter_id, token_hash, token_issued_at, token_key) "
                        + "VALUES ($1, $2, $3, $4) ON CONFLICT (counter_id) DO UPDATE SET token_hash = $2, "
                        + "token_issued_at = $3, token_key = $4 "
                        + "WHERE $4::text IS NULL OR rating_tablets.token_key IS DISTINCT FROM $4")
                .execute(Tuple.wrap(Arrays.asList(counterId, tokenHash, time(now), idempotencyKey)))
                .map(rows -> rows.rowCount() == 1)
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Optional<String>> tabletTokenHash(int counterId) {
        return pool.preparedQuery("SELECT token_hash FROM rating_tablets WHERE counter_id = $1")
                .execute(Tuple.of(counterId))
                .map(rows -> rows.rowCount() == 0 ? Optional.<String>empty()
                        : Optional.ofNullable(rows.iterator().next().getString(0)))
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Boolean> save(Rating rating) {
        return pool.preparedQuery(INSERT)
                .execute(Tuple.wrap(Arrays.asList(rating.ticketId(), (short) rating.level().score(), rating.reason(),
                        rating.source().wireName(), time(rating.ratedAt()))))
                .map(rows -> rows.rowCount() == 1)
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Optional<Rating>> rating(UUID ticketId) {
        return pool.preparedQuery("SELECT ticket_id, level, reason, source, rated_at FROM ratings WHERE ticket_id = $1")
                .execute(Tuple.of(ticketId))
                .map(rows -> rows.rowCount() == 0 ? Optional.<Rating>empty() : Optional.of(rating(rows.iterator().next())))
                .recover(StoreFailures::translate);
    }

    private static Rating rating(Row row) {
        return new Rating(row.getUUID("ticket_id"), RatingLevel.ofScore(row.getInteger("level")).orElseThrow(),
                row.getString("reason"), RatingSource.valueOf(row.getString("source").toUpperCase(java.util.Locale.ROOT)),
                row.getOffsetDateTime("rated_at").toInstant());
    }
}
