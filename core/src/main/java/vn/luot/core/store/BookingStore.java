package vn.luot.core.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import vn.luot.core.domain.booking.Booking;
import vn.luot.core.store.impl.PgBookingStore;

/**
 * The durable record of bookings. Failures as in {@link QueueStore}: a
 * {@link vn.luot.core.domain.QueueException} when a rule refuses, a {@link StoreUnavailableException}
 * when the database cannot be reached; either way nothing changed.
 */
public interface BookingStore {

    static BookingStore create(Pool pool, ZoneId centreZone) {
        return new PgBookingStore(pool, centreZone, null, java.time.Clock.systemUTC());
    }

    /**
     * @param notices the messages each change sends, written to the outbox in the change's transaction
     *                (null: none)
     */
    static BookingStore create(Pool pool, ZoneId centreZone, vn.luot.core.domain.notify.BookingNotices notices,
                               java.time.Clock clock) {
        return new PgBookingStore(pool, centreZone, notices, clock);
    }

    /** A booking the store holds, and whether this request created it or found it by its idempotency key. */
    record Outcome(Booking booking, boolean replayed) {
    }

    /**
     * Stores a new booking, taking one of its slot's {@code places} in the same transaction. Its code
     * is random; in the rare case that the code is taken, the draft is asked for another booking (with a
     * fresh code). With an idempotency key seen before, returns the booking made then and stores nothing.
     * When the slot has no place left, fails with {@link vn.luot.core.domain.Problem#SLOT_FULL}.
     */
    Future<Outcome> add(Supplier<Booking> draft, int places, String idempotencyKey, String fingerprint);

    /** How many places are taken in each booked slot of the service at the site, from (included) to (excluded). */
    Future<Map<Instant, Integer>> taken(String siteId, String serviceId, Instant from, Instant to);

    /**
     * Saves a booking moved to another slot, if nobody changed it since it was read: takes a place in
     * the new slot (one of {@code places}) and gives back the place in {@code oldStart}, in one transaction.
     * Fails with {@link vn.luot.core.domain.Problem#SLOT_FULL} when the new slot has no place left.
     *
     * @return false when the stored version is no longer {@code expectedVersion}; nothing was written
     */
    Future<Boolean> move(Booking moved, Instant oldStart, int places, int expectedVersion);

    Future<Optional<Booking>> byCode(String code);

    /** The bookings made with this phone number (digits) whose day is {@code fromDay} or later, by slot. */
    Future<List<Booking>> byPhone(String phoneDigits, LocalDate fromDay);

    Future<Optional<Booking>> byTicket(UUID ticketId);

    /**
     * Saves a booking changed by its rules, if nobody changed it since it was read.
     *
     * @return false when the stored version is no longer {@code expectedVersion}; nothing was written
     */
    Future<Boolean> update(Booking changed, int expectedVersion);

    /** As {@link #update}, for a booking cancelled: its place in its slot is given back in the same transaction. */
    Future<Boolean> cancel(Booking cancelled, int expectedVersion);

    /**
     * Marks the bookings still booked whose slot started before {@code slotsBefore} as expired, a batch at
     * a time. Safe with several server nodes running it at once: rows another node is expiring are
     * skipped ({@code FOR UPDATE SKIP LOCKED}), and each booking expires once.
     *
     * @return how many bookings this call expired
     */
    Future<Integer> expireMissed(Instant slotsBefore);

    /** Marks the bookings of days before {@code day} that were never checked in as not come. */
    Future<Integer> markNoShowsBefore(LocalDate day);
}
