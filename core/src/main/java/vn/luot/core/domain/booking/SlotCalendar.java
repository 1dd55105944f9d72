package vn.luot.core.domain.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.catalogue.CatalogueRef;
import vn.luot.core.domain.catalogue.OpeningHours;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.domain.ticket.ServiceDay;

/**
 * <b>The slot calendar: which slots can be booked.</b> Slots come from each site's opening hours: the
 * first starts when a period opens, the next one slot length later, and the last one ends by the time
 * the period closes (07:00–11:30 with 15-minute slots gives 07:00, 07:15 … 11:15). Closed days (public
 * holidays, Tết) have none. A slot can be booked from today up to {@code openDaysAhead} days ahead, and
 * until {@code closesBefore} its start. How many places are taken is the store's business; this class
 * says how many there are.
 */
public final class SlotCalendar {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    /** The longest range of days one request for slots may cover. */
    public static final int MAX_DAYS_PER_REQUEST = 31;

    private final SlotSettings settings;
    private final ZoneId zone;

    public SlotCalendar(SlotSettings settings, ZoneId zone) {
        this.settings = settings;
        this.zone = zone;
    }

    public SlotSettings settings() {
        return settings;
    }

    /** Every slot of the day for the service at the site, bookable now or not (none on a closed day). */
    public List<Slot> slotsOn(SiteDefinition site, String serviceId, LocalDate day) {
        if (settings.closedDays().contains(day)) {
            return List.of();
        }
        int places = settings.places().of(site.id(), serviceId);
        List<Slot> slots = new ArrayList<>();
        for (OpeningHours.Period period : site.openingHours().on(day.getDayOfWeek())) {
            ZonedDateTime start = day.atTime(period.opens()).atZone(zone);
            ZonedDateTime closes = day.atTime(period.closes()).atZone(zone);
            while (!start.plus(settings.slotLength()).isAfter(closes)) {
                ZonedDateTime end = start.plus(settings.slotLength());
                slots.add(new Slot(start.toInstant(), end.toInstant(), places));
                start = end;
            }
        }
        return slots;
    }

    /** The first and last day that can be booked now. */
    public LocalDate firstDay(Instant now) {
        return ServiceDay.of(now, zone);
    }

    public LocalDate lastDay(Instant now) {
        return firstDay(now).plusDays(settings.openDaysAhead());
    }

    /**
     * The slots that can be booked now between two days (both included), clipped to the days open for
     * booking, in time order. A slot with no place left is still listed; the store tells how many are free.
     */
    public List<Slot> bookable(SiteDefinition site, String serviceId, LocalDate from, LocalDate to, Instant now) {
        LocalDate first = from.isBefore(firstDay(now)) ? firstDay(now) : from;
        LocalDate last = to.isAfter(lastDay(now)) ? lastDay(now) : to;
        List<Slot> slots = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (Slot slot : slotsOn(site, serviceId, day)) {
                if (stillOpen(slot, now)) {
                    slots.add(slot);
                }
            }
        }
        return slots;
    }

    /**
     * The slot that starts at {@code start}, if it can be booked now; otherwise a {@link QueueException}
     * that says why: in the past, a closed day, outside the opening hours, not a slot's start, too late
     * to book, or too far ahead.
     */
    public Slot requireBookable(SiteDefinition site, String serviceId, Instant start, Instant now) {
        ZonedDateTime local = start.atZone(zone);
        if (!start.isAfter(now)) {
            throw new QueueException(Problem.SLOT_IN_PAST, TIME.format(local));
        }
        LocalDate day = local.toLocalDate();
        if (settings.closedDays().contains(day)) {
            throw new QueueException(Problem.SLOT_ON_CLOSED_DAY, DAY.format(day));
        }
        if (!site.openingHours().isOpenAt(local)) {
            throw new QueueException(Problem.SLOT_OUTSIDE_OPENING_HOURS, CatalogueRef.site(site.id()), TIME.format(local));
        }
        Slot slot = find(site, serviceId, start).orElseThrow(() -> new QueueException(Problem.SLOT_NOT_A_START,
                TIME.format(local), settings.slotLength().toMinutes()));
        if (day.isAfter(lastDay(now))) {
            throw new QueueException(Problem.SLOT_TOO_FAR_AHEAD, DAY.format(day), settings.openDaysAhead());
        }
        if (!stillOpen(slot, now)) {
            throw new QueueException(Problem.SLOT_BOOKING_CLOSED, TIME.format(local),
                    settings.closesBefore().toMinutes());
        }
        return slot;
    }

    /** The slot of the service at the site that starts exactly then, on any day. */
    public Optional<Slot> find(SiteDefinition site, String serviceId, Instant start) {
        LocalDate day = start.atZone(zone).toLocalDate();
        return slotsOn(site, serviceId, day).stream().filter(s -> s.start().equals(start)).findFirst();
    }

    /** Whether the slot is still open for booking: it starts more than {@code closesBefore} from now. */
    public boolean stillOpen(Slot slot, Instant now) {
        return Duration.between(now, slot.start()).compareTo(settings.closesBefore()) > 0
                && !slot.start().atZone(zone).toLocalDate().isAfter(lastDay(now));
    }

    /**
     * Up to {@code count} slots with a free place, nearest in time to the one wanted (the earlier of two
     * equally near first): what a citizen is offered when the slot they chose is full.
     */
    public static List<Slot> nearestFree(List<Slot> slots, ToIntFunction<Slot> freePlaces, Instant wanted, int count) {
        return slots.stream()
                .filter(s -> freePlaces.applyAsInt(s) > 0 && !s.start().equals(wanted))
                .sorted(Comparator.comparing((Slot s) -> Duration.between(wanted, s.start()).abs())
                        .thenComparing(Slot::start))
                .limit(count)
                .toList();
    }
}
