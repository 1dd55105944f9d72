package vn.luot.core.domain.ticket;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.catalogue.CatalogueRef;
import vn.luot.core.domain.catalogue.OpeningHours;
import vn.luot.core.domain.catalogue.SiteDefinition;

/**
 * When a site gives out numbers. The rule, in one place:
 * <ul>
 *   <li>during its opening hours, and from {@code early} before each period opens (early arrivals queue
 *       with a number instead of at the door); not after a period closes;</li>
 *   <li>outside that, nobody gets a number (kiosk, phone, booking check-in), and the answer says when the
 *       site opens again, except that staff may issue at the site's desk on a day when a manager has
 *       allowed it there (a centre that stays open late to clear the hall);</li>
 *   <li>when {@code enforced} is false, numbers are given at any hour (a demonstration, a benchmark).</li>
 * </ul>
 */
public record IssuingHours(Duration early, boolean enforced) {
    private static final int DAYS_AHEAD = 14;

    public IssuingHours {
        Objects.requireNonNull(early, "early");
        if (early.isNegative()) {
            throw new IllegalArgumentException("early must not be negative");
        }
    }

    /**
     * Whether numbers are given out now, and when that changes.
     *
     * @param open        numbers are given out now
     * @param closesAt    when open: when the current period closes (null when not enforced)
     * @param opensAt     when closed: when the site next opens (null when it does not open in the next two weeks)
     * @param issuingFrom when closed: when numbers are given out again ({@code opensAt} less the early window)
     */
    public record Window(boolean open, ZonedDateTime closesAt, ZonedDateTime opensAt, ZonedDateTime issuingFrom) {
    }

    /** The window at {@code now}, in the site's time zone. */
    public Window at(OpeningHours hours, ZonedDateTime now) {
        if (!enforced) {
            return new Window(true, null, null, null);
        }
        for (int day = 0; day <= DAYS_AHEAD; day++) {
            ZonedDateTime date = now.plusDays(day);
            for (OpeningHours.Period period : hours.on(date.getDayOfWeek())) {
                ZonedDateTime opens = date.with(period.opens());
                ZonedDateTime closes = date.with(period.closes());
                if (!closes.isAfter(now)) {
                    continue;
                }
                ZonedDateTime from = opens.minus(early);
                return from.isAfter(now) ? new Window(false, null, opens, from) : new Window(true, closes, null, null);
            }
        }
        return new Window(false, null, null, null);
    }

    /**
     * Checks that a ticket may be issued at this site now, or throws {@link Problem#OUTSIDE_OPENING_HOURS}
     * with the site and when it opens again.
     *
     * @param byStaffAtDesk the request comes from a member of staff (not the public kiosk or phone)
     * @param deskAllowed   a manager has allowed the site's desk to issue outside opening hours today
     */
    public void requireOpen(SiteDefinition site, ZonedDateTime now, boolean byStaffAtDesk, boolean deskAllowed) {
        Window window = at(site.openingHours(), now);
        if (window.open() || (byStaffAtDesk && deskAllowed)) {
            return;
        }
        if (window.opensAt() == null) {
            throw new QueueException(Problem.OUTSIDE_OPENING_HOURS_NO_NEXT, CatalogueRef.site(site.id()));
        }
        throw new QueueException(Problem.OUTSIDE_OPENING_HOURS, CatalogueRef.site(site.id()),
                window.opensAt().toLocalDateTime(), window.issuingFrom().toLocalTime());
    }
}
