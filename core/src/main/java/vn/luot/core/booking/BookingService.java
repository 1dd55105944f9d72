package vn.luot.core.booking;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.booking.Booking;
import vn.luot.core.domain.booking.BookingCode;
import vn.luot.core.domain.booking.BookingRequest;
import vn.luot.core.domain.booking.BookingStatus;
import vn.luot.core.domain.booking.MissedBooking;
import vn.luot.core.domain.booking.PhoneNumber;
import vn.luot.core.domain.booking.Slot;
import vn.luot.core.domain.booking.SlotCalendar;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.CatalogueRef;
import vn.luot.core.domain.ticket.Channel;
import vn.luot.core.domain.ticket.ServiceDay;
import vn.luot.core.domain.ticket.TicketRequest;
import vn.luot.core.queue.QueueService;
import vn.luot.core.queue.TicketView;
import vn.luot.core.store.BookingStore;

/**
 * Bookings: making one, finding it at the desk, and checking it in, which issues its ticket.
 *
 * <p>Check-in happens exactly once, even when the desk retries after a dropped connection or two desks
 * press at the same moment: the ticket is issued with an idempotency key that belongs to the booking
 * ({@code booking:<id>}), so every attempt gets the same ticket, and the booking then records it with a
 * conditional update. An attempt that finds the booking already checked in answers with its ticket.
 */
public final class BookingService {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    private final BookingStore store;
    private final QueueService queue;
    private final Catalogue catalogue;
    private final ZoneId zone;
    private final Clock clock;
    private final SlotCalendar calendar;
    private final LuotConfig.Booking settings;
    /** The last day whose earlier unchecked bookings were marked as not come. */
    private final AtomicReference<LocalDate> settledDay = new AtomicReference<>();

    /** How many free slots a citizen is offered when the one chosen is full. */
    static final int NEAREST_FREE_OFFERED = 3;
    /** How far from the wanted day free slots are looked for when it is full. */
    private static final int NEAREST_FREE_DAYS = 7;

    public BookingService(BookingStore store, QueueService queue, Catalogue catalogue, LuotConfig.Booking settings,
                          Clock clock) {
        this.settings = settings;
        this.calendar = new SlotCalendar(settings.slots(), catalogue.timeZone());
        this.store = store;
        this.queue = queue;
        this.catalogue = catalogue;
        this.zone = catalogue.timeZone();
        this.clock = clock;
    }

    /** What a check-in did: the booking as it is now, its ticket, and whether an earlier attempt made it. */
    public record CheckIn(Booking booking, TicketView ticket, boolean replayed) {
    }

    /** A slot and how many of its places are still free. */
    public record SlotPlaces(Slot slot, int free) {
    }

    /**
     * Books a place in a slot. The slot must be one the {@link SlotCalendar} gives out now; the store
     * takes the place, so a full slot fails with {@link Problem#SLOT_FULL} (see {@link #nearestFree}).
     */
    public Future<BookingStore.Outcome> book(BookingRequest request, String idempotencyKey) {
        try {
            catalogue.requireOffered(request.siteId(), request.serviceId());
            Instant now = clock.instant();
            var site = catalogue.site(request.siteId());
            // Checked once here so that a bad request fails before the store is asked anything.
            Booking.book(UUID.randomUUID(), BookingCode.random(), request, site, now, zone);
            Slot slot = calendar.requireBookable(site, request.serviceId(), request.slotStart(), now);
            return store.add(() -> Booking.book(UUID.randomUUID(), BookingCode.random(), request, site, now, zone),
                    slot.places(), idempotencyKey, request.fingerprint());
        } catch (QueueException e) {
            return Future.failedFuture(e);
        }
    }

    /** The slots of the service at the site between two days that can be booked now, with their free places. */
    public Future<List<SlotPlaces>> slots(String siteId, String serviceId, LocalDate from, LocalDate to) {
        try {
            catalogue.requireOffered(siteId, serviceId);
            List<Slot> slots = calendar.bookable(catalogue.site(siteId), serviceId, from, to, clock.instant());
            if (slots.isEmpty()) {
                return Future.succeededFuture(List.of());
            }
            return store.taken(siteId, serviceId, slots.get(0).start(), slots.get(slots.size() - 1).end())
                    .map(taken -> slots.stream()
                            .map(s -> new SlotPlaces(s, Math.max(0, s.places() - taken.getOrDefault(s.start(), 0))))
                            .toList());
        } catch (QueueException e) {
            return Future.failedFuture(e);
        }
    }

    /** The free slots nearest to one that is full, a week either side at most: what the citizen is offered instead. */
    public Future<List<Slot>> nearestFree(String siteId, String serviceId, Instant wanted) {
        LocalDate day = ServiceDay.of(wanted, zone);
        return slots(siteId, serviceId, day.minusDays(NEAREST_FREE_DAYS), day.plusDays(NEAREST_FREE_DAYS))
                .map(places -> {
                    Map<Instant, Integer> free = new HashMap<>();
                    places.forEach(p -> free.put(p.slot().start(), p.free()));
                    return SlotCalendar.nearestFree(places.stream().map(SlotPlaces::slot).toList(),
                            s -> free.getOrDefault(s.start(), 0), wanted, NEAREST_FREE_OFFERED);
                });
    }

    /**
     * The citizen's own booking, held by its code and phone number together (there is no one-time
     * password). A wrong phone number is answered exactly like an unknown code, so that neither tells
     * whether the other exists.
     */
    public Future<Booking> own(String typedCode, String writtenPhone) {
        return byCode(typedCode).map(booking -> {
            if (!booking.heldBy(writtenPhone)) {
                throw new QueueException(Problem.BOOKING_NOT_FOUND, booking.code());
            }
            return booking;
        });
    }

    /** Moves the citizen's own booking to another slot; moving it to the slot it has already is harmless. */
    public Future<Booking> move(String typedCode, String writtenPhone, Instant newStart) {
        return own(typedCode, writtenPhone).compose(booking -> {
            if (booking.slotStart().equals(newStart) && booking.status() == BookingStatus.BOOKED) {
                return Future.succeededFuture(booking);
            }
            Booking moved = booking.movedTo(newStart);
            Slot slot = calendar.requireBookable(catalogue.site(booking.siteId()), booking.serviceId(), newStart,
                    clock.instant());
            return store.move(moved, booking.slotStart(), slot.places(), booking.version())
                    .compose(saved -> saved ? Future.succeededFuture(moved)
                            // Changed meanwhile (checked in or cancelled at the same moment): judge again.
                            : move(typedCode, writtenPhone, newStart));
        });
    }

    /** Cancels the citizen's own booking; its place in the slot is free again. Cancelling twice is harmless. */
    public Future<Booking> cancelOwn(String typedCode, String writtenPhone) {
        return own(typedCode, writtenPhone).compose(booking -> cancel(booking.code()));
    }

    public Future<Booking> byCode(String typedCode) {
        Optional<String> code = BookingCode.parse(typedCode);
        if (code.isEmpty()) {
            return Future.failedFuture(new QueueException(Problem.BOOKING_NOT_FOUND, typedCode));
        }
        return settle().compose(settled -> store.byCode(code.get()))
                .map(found -> found.orElseThrow(() -> new QueueException(Problem.BOOKING_NOT_FOUND, code.get())));
    }

    /** The bookings of today and later days made with this phone number. */
    public Future<List<Booking>> byPhone(String phoneDigits) {
        return settle().compose(settled -> store.byPhone(phoneDigits, today()));
    }

    public Future<Optional<Booking>> forTicket(UUID ticketId) {
        return store.byTicket(ticketId);
    }

    /** Checks a booking in at the guidance desk: issues its ticket (channel {@code booking}) and links the two. */
    public Future<CheckIn> checkIn(String typedCode, String printerId) {
        return byCode(typedCode).compose(booking -> checkIn(booking, printerId));
    }

    /**
     * Checks a booking in at the kiosk ("Tôi đã đặt lịch"): the citizen types the code or the phone
     * number, or shows the QR code to the scanner, which types the code. By phone number, the booking of
     * today at this site that is still to be checked in, the earliest slot first.
     */
    public Future<CheckIn> checkInAtKiosk(String siteId, String typed, String printerId) {
        catalogue.site(siteId);
        Future<Booking> found;
        if (BookingCode.parse(typed).isPresent()) {
            found = byCode(typed);
        } else {
            PhoneNumber phone = PhoneNumber.parse(typed).orElseThrow(
                    () -> new QueueException(Problem.INVALID_FIELD, "code", FieldRule.ONE_OF_CODE_OR_PHONE));
            LocalDate today = today();
            found = settle().compose(settled -> store.byPhone(phone.national(), today)).map(bookings -> bookings.stream()
                    .filter(b -> b.siteId().equals(siteId) && b.slotDay(zone).equals(today))
                    .filter(b -> b.status() == BookingStatus.BOOKED || b.isCheckedIn())
                    .min(Comparator.comparing((Booking b) -> b.isCheckedIn()).thenComparing(Booking::slotStart))
                    .orElseThrow(() -> new QueueException(Problem.BOOKING_NOT_FOUND, phone.masked())));
        }
        return found.compose(booking -> {
            if (!booking.siteId().equals(siteId)) {
                throw new QueueException(Problem.BOOKING_AT_OTHER_SITE, booking.code(), CatalogueRef.site(booking.siteId()));
            }
            return checkIn(booking, printerId);
        });
    }

    /**
     * Checks the citizen's own booking in from the phone page, held by its code and phone number: from
     * {@code phoneCheckIn} before the slot (30 minutes by default), on the slot's day.
     */
    public Future<CheckIn> checkInOwn(String typedCode, String writtenPhone) {
        return own(typedCode, writtenPhone).compose(booking -> {
            Instant opens = booking.slotStart().minus(settings.phoneCheckIn());
            if (!booking.isCheckedIn() && clock.instant().isBefore(opens)) {
                throw new QueueException(Problem.CHECK_IN_NOT_YET, booking.code(), TIME.format(booking.slotStart().atZone(zone)),
                        HOUR.format(opens.atZone(zone)));
            }
            return checkIn(booking, null);
        });
    }

    /**
     * Checks a booking in, once: every attempt gets the same ticket. A booking missed by more than its
     * late window expires instead where the centre lets missed bookings expire; otherwise its ticket waits
     * like a walk-in's, by its check-in time (the call policy sees that it was checked in late).
     */
    private Future<CheckIn> checkIn(Booking booking, String printerId) {
        if (booking.isCheckedIn()) {
            return queue.ticket(booking.ticketId()).map(ticket -> new CheckIn(booking, ticket, true));
        }
        Instant now = clock.instant();
        booking.requireCheckInAllowed(now, zone);
        if (settings.missed() == MissedBooking.EXPIRE && booking.isMissed(now, settings.calledAtTheirSlot())) {
            QueueException expired = new QueueException(Problem.BOOKING_EXPIRED, booking.code(),
                    HOUR.format(booking.slotStart().atZone(zone)), settings.calledAtTheirSlot().late().toMinutes());
            return store.update(booking.expired(), booking.version()).compose(saved -> Future.failedFuture(expired));
        }
        TicketRequest request = new TicketRequest(booking.siteId(), booking.serviceId(), null, Channel.BOOKING,
                printerId, null, booking.phone(), booking.slotStart());
        return queue.issue(request, "booking:" + booking.id())
                .compose(ticket -> record(booking, ticket, now));
    }

    /**
     * Expires the bookings missed by more than their late window, where the centre lets them expire
     * (run by {@link BookingJobs}); elsewhere it does nothing.
     *
     * @return how many bookings expired
     */
    public Future<Integer> expireMissed() {
        if (settings.missed() != MissedBooking.EXPIRE) {
            return Future.succeededFuture(0);
        }
        return store.expireMissed(clock.instant().minus(settings.calledAtTheirSlot().late()));
    }

    /** Cancels a booking that was not checked in. Cancelling twice is harmless. */
    public Future<Booking> cancel(String typedCode) {
        return byCode(typedCode).compose(booking -> {
            if (booking.status() == BookingStatus.CANCELLED) {
                return Future.succeededFuture(booking);
            }
            Booking cancelled = booking.cancelled();
            return store.cancel(cancelled, booking.version()).compose(saved -> saved
                    ? Future.succeededFuture(cancelled)
                    // Changed meanwhile (checked in at the same moment): judge again on what is stored now.
                    : cancel(typedCode));
        });
    }

    private Future<CheckIn> record(Booking booking, TicketView ticket, Instant now) {
        Booking checkedIn = booking.checkedIn(ticket.ticket().id(), now, zone);
        return store.update(checkedIn, booking.version()).compose(saved -> {
            if (saved) {
                return Future.succeededFuture(new CheckIn(checkedIn, ticket, ticket.replayed()));
            }
            // Another desk checked it in at the same moment, with the same ticket (same key), or it was
            // cancelled meanwhile: answer with what is stored.
            return store.byCode(booking.code()).map(found -> {
                Booking stored = found.orElseThrow();
                if (stored.isCheckedIn() && ticket.ticket().id().equals(stored.ticketId())) {
                    return new CheckIn(stored, ticket, true);
                }
                throw new QueueException(Problem.BOOKING_STATE, stored.code(), stored.status());
            });
        });
    }

    /** Once a day, bookings of earlier days that nobody checked in become no-shows. */
    private Future<Void> settle() {
        LocalDate today = today();
        LocalDate settled = settledDay.get();
        if (today.equals(settled) || !settledDay.compareAndSet(settled, today)) {
            return Future.succeededFuture();
        }
        return store.markNoShowsBefore(today).<Void>mapEmpty()
                .onFailure(e -> settledDay.compareAndSet(today, settled));
    }

    private LocalDate today() {
        return ServiceDay.of(clock.instant(), zone);
    }
}
