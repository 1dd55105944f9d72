package vn.luot.core.store.impl;

import static vn.luot.core.store.impl.Rows.time;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.booking.Booking;
import vn.luot.core.domain.booking.BookingStatus;
import vn.luot.core.domain.notify.BookingNotices;
import vn.luot.core.domain.notify.Notice;
import vn.luot.core.store.BookingStore;

/** {@link BookingStore} on PostgreSQL. */
public final class PgBookingStore implements BookingStore {
    /** Codes come from 31^6 (about 887 million); a few tries are plenty even with many bookings. */
    private static final int MAX_CODE_ATTEMPTS = 5;
    private static final String COLUMNS = "id, code, site_id, service_id, slot_start, citizen_name, phone, "
            + "procedure_note, status, ticket_id, created_at, checked_in_at, version";
    private static final String INSERT = "INSERT INTO bookings (" + COLUMNS + ", slot_day, idempotency_key, "
            + "request_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) "
            + "ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING";

    private final Pool pool;
    private final ZoneId zone;
    private final BookingNotices notices;
    private final Clock clock;

    /** @param notices the messages each change sends (null: none), added to the outbox in its transaction */
    public PgBookingStore(Pool pool, ZoneId centreZone, BookingNotices notices, Clock clock) {
        this.pool = pool;
        this.zone = centreZone;
        this.notices = notices;
        this.clock = clock;
    }

    private Future<Void> send(SqlConnection connection, List<Notice> messages) {
        return notices == null ? Future.succeededFuture() : PgOutboxStore.add(connection, messages, clock.instant());
    }

    /** Makes sure the slot has its row, so that the guarded UPDATE has something to lock. */
    private static final String SLOT_ROW = "INSERT INTO booking_slots (site_id, service_id, slot_start) "
            + "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";
    /** Takes a place if one is left; concurrent takers queue on the row lock and see each other's count. */
    private static final String TAKE_PLACE = "UPDATE booking_slots SET taken = taken + 1 "
            + "WHERE site_id = $1 AND service_id = $2 AND slot_start = $3 AND taken < $4";
    private static final String GIVE_BACK_PLACE = "UPDATE booking_slots SET taken = taken - 1 "
            + "WHERE site_id = $1 AND service_id = $2 AND slot_start = $3 AND taken > 0";
    private static final String UPDATE = "UPDATE bookings SET status = $2, ticket_id = $3, checked_in_at = $4, "
            + "version = $5, slot_start = $7, slot_day = $8 WHERE id = $1 AND version = $6";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    /**
     * Ends a transaction by rolling it back when it must not commit: a request with the same idempotency
     * key committed first, or the booking changed since it was read.
     */
    private static final class RollBack extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RollBack() {
            super(null, null, false, false);
        }
    }

    @Override
    public Future<Outcome> add(Supplier<Booking> draft, int places, String idempotencyKey, String fingerprint) {
        Future<Optional<Outcome>> earlier = idempotencyKey == null
                ? Future.succeededFuture(Optional.empty())
                : findByKey(idempotencyKey, fingerprint);
        return earlier
                .compose(found -> found.isPresent()
                        ? Future.succeededFuture(found.get())
                        : insert(draft, places, idempotencyKey, fingerprint, 1))
                .recover(StoreFailures::translate);
    }

    private Future<Outcome> insert(Supplier<Booking> draft, int places, String key, String fingerprint, int attempt) {
        Booking booking = draft.get();
        Tuple row = Tuple.wrap(Arrays.asList(booking.id(), booking.code(), booking.siteId(), booking.serviceId(),
                time(booking.slotStart()), booking.citizenName(), booking.phone(), booking.procedure(),
                booking.status().wireName(), booking.ticketId(), time(booking.createdAt()),
                time(booking.checkedInAt()), booking.version(), booking.slotDay(zone), key,
                key == null ? null : fingerprint));
        return pool.withTransaction(connection -> takePlace(connection, booking, booking.slotStart(), places)
                        .compose(taken -> connection.preparedQuery(INSERT).execute(row))
                        .compose(inserted -> inserted.rowCount() == 1
                                ? send(connection, notices == null ? List.of() : notices.made(booking, clock.instant()))
                                        .map(new Outcome(booking, false))
                                : Future.<Outcome>failedFuture(new RollBack())))
                // A concurrent request with the same key won the race: answer with its booking.
                .recover(e -> e instanceof RollBack ? findByKey(key, fingerprint).map(Optional::orElseThrow)
                        : Future.failedFuture(e))
                .recover(e -> isCodeTaken(e) && attempt < MAX_CODE_ATTEMPTS
                        ? insert(draft, places, key, fingerprint, attempt + 1)
                        : Future.failedFuture(e));
    }

    /** Takes one of the slot's places in this transaction, or fails with slot_full and so rolls it back. */
    private Future<Void> takePlace(SqlConnection connection, Booking booking, Instant start, int places) {
        Tuple slot = Tuple.of(booking.siteId(), booking.serviceId(), time(start));
        return connection.preparedQuery(SLOT_ROW).execute(slot)
                .compose(ensured -> connection.preparedQuery(TAKE_PLACE)
                        .execute(Tuple.of(booking.siteId(), booking.serviceId(), time(start), places)))
                .compose(updated -> updated.rowCount() == 1 ? Future.<Void>succeededFuture()
                        : Future.failedFuture(new QueueException(Problem.SLOT_FULL, TIME.format(start.atZone(zone)))));
    }

    private static Future<Void> givePlaceBack(SqlConnection connection, Booking booking, Instant start) {
        return connection.preparedQuery(GIVE_BACK_PLACE)
                .execute(Tuple.of(booking.siteId(), booking.serviceId(), time(start))).mapEmpty();
    }

    @Override
    public Future<Map<Instant, Integer>> taken(String siteId, String serviceId, Instant from, Instant to) {
        return pool.preparedQuery("SELECT slot_start, taken FROM booking_slots WHERE site_id = $1 AND service_id = $2 "
                        + "AND slot_start >= $3 AND slot_start < $4")
                .execute(Tuple.of(siteId, serviceId, time(from), time(to)))
                .map(rows -> {
                    Map<Instant, Integer> taken = new HashMap<>();
                    rows.forEach(r -> taken.put(r.getOffsetDateTime("slot_start").toInstant(), r.getInteger("taken")));
                    return taken;
                })
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Boolean> move(Booking moved, Instant oldStart, int places, int expectedVersion) {
        return pool.withTransaction(connection -> takePlace(connection, moved, moved.slotStart(), places)
                        .compose(taken -> givePlaceBack(connection, moved, oldStart))
                        .compose(givenBack -> save(connection, moved, expectedVersion))
                        // Changed meanwhile: roll back the places too.
                        .compose(saved -> saved ? remindAgain(connection, moved).map(true)
                                : Future.<Boolean>failedFuture(new RollBack())))
                .recover(e -> e instanceof RollBack ? Future.succeededFuture(false) : Future.failedFuture(e))
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Boolean> cancel(Booking cancelled, int expectedVersion) {
        return pool.withTransaction(connection -> save(connection, cancelled, expectedVersion)
                        .compose(saved -> saved
                                ? givePlaceBack(connection, cancelled, cancelled.slotStart())
                                        .compose(given -> PgOutboxStore.dropReminders(connection, cancelled.id()))
                                        .compose(dropped -> send(connection, notices == null ? List.of()
                                                : List.of(notices.cancelled(cancelled, clock.instant()))))
                                        .map(true)
                                : Future.succeededFuture(false)))
                .recover(StoreFailures::translate);
    }

    /** A moved booking's reminder follows it to its new time. */
    private Future<Void> remindAgain(SqlConnection connection, Booking moved) {
        if (notices == null) {
            return Future.succeededFuture();
        }
        return PgOutboxStore.dropReminders(connection, moved.id()).compose(dropped -> send(connection,
                notices.reminder(moved, clock.instant()).map(List::of).orElse(List.of())));
    }

    private Future<Boolean> save(SqlConnection connection, Booking changed, int expectedVersion) {
        return connection.preparedQuery(UPDATE).execute(updateRow(changed, expectedVersion))
                .map(updated -> updated.rowCount() == 1);
    }

    private Tuple updateRow(Booking changed, int expectedVersion) {
        return Tuple.wrap(Arrays.asList(changed.id(), changed.status().wireName(), changed.ticketId(),
                time(changed.checkedInAt()), changed.version(), expectedVersion, time(changed.slotStart()),
                changed.slotDay(zone)));
    }

    private static boolean isCodeTaken(Throwable e) {
        return e instanceof PgException pg && "23505".equals(pg.getSqlState())
                && "bookings_code_key".equals(pg.getConstraint());
    }

    private Future<Optional<Outcome>> findByKey(String key, String fingerprint) {
        return EarlierRequests.find(pool, "bookings", COLUMNS, key, fingerprint, row -> new Outcome(booking(row), true));
    }

    @Override
    public Future<Optional<Booking>> byCode(String code) {
        return one("SELECT " + COLUMNS + " FROM bookings WHERE code = $1", Tuple.of(code));
    }

    @Override
    public Future<List<Booking>> byPhone(String phoneDigits, LocalDate fromDay) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM bookings WHERE phone = $1 AND slot_day >= $2 "
                        + "ORDER BY slot_start, code")
                .execute(Tuple.of(phoneDigits, fromDay))
                .map(PgBookingStore::all)
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Optional<Booking>> byTicket(UUID ticketId) {
        return one("SELECT " + COLUMNS + " FROM bookings WHERE ticket_id = $1", Tuple.of(ticketId));
    }

    @Override
    public Future<Boolean> update(Booking changed, int expectedVersion) {
        return pool.preparedQuery(UPDATE).execute(updateRow(changed, expectedVersion))
                .map(updated -> updated.rowCount() == 1)
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Integer> expireMissed(Instant slotsBefore) {
        return pool.preparedQuery("UPDATE bookings b SET status = 'expired', version = b.version + 1 "
                        + "FROM (SELECT id FROM bookings WHERE status = 'booked' AND slot_start < $1 "
                        + "ORDER BY slot_start LIMIT 500 FOR UPDATE SKIP LOCKED) due "
                        + "WHERE b.id = due.id AND b.status = 'booked'")
                .execute(Tuple.of(time(slotsBefore)))
                .map(RowSet::rowCount)
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Integer> markNoShowsBefore(LocalDate day) {
        return pool.preparedQuery("UPDATE bookings SET status = 'no_show', version = version + 1 "
                        + "WHERE status = 'booked' AND slot_day < $1")
                .execute(Tuple.of(day))
                .map(RowSet::rowCount)
                .recover(StoreFailures::translate);
    }

    private Future<Optional<Booking>> one(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters)
                .map(rows -> rows.rowCount() == 0 ? Optional.<Booking>empty()
                        : Optional.of(booking(rows.iterator().next())))
                .recover(StoreFailures::translate);
    }

    private static List<Booking> all(RowSet<Row> rows) {
        List<Booking> bookings = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> bookings.add(booking(row)));
        return bookings;
    }

    private static Booking booking(Row row) {
        return new Booking(
                row.getUUID("id"),
                row.getString("code"),
                row.getString("site_id"),
                row.getString("service_id"),
                instant(row.getOffsetDateTime("slot_start")),
                row.getString("citizen_name"),
                row.getString("phone"),
                row.getString("procedure_note"),
                BookingStatus.fromWire(row.getString("status")).orElseThrow(),
                row.getUUID("ticket_id"),
                instant(row.getOffsetDateTime("created_at")),
                instant(row.getOffsetDateTime("checked_in_at")),
                row.getInteger("version"));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
