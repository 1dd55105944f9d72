package vn.luot.core.queue;

import io.vertx.core.Future;
import java.time.Clock;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.Actor;
import vn.luot.core.domain.ticket.IssuingHours;
import vn.luot.core.domain.ticket.TicketRequest;
import vn.luot.core.queue.impl.DefaultIssuingService;
import vn.luot.core.store.AfterHoursStore;

/**
 * Whether a site gives out numbers now ({@link IssuingHours}), and the manager's permission for its
 * guidance desk to give them outside opening hours for the day.
 */
public interface IssuingService {

    static IssuingService create(AfterHoursStore store, LuotConfig config, Clock clock) {
        return new DefaultIssuingService(store, config, clock);
    }

    /**
     * Where issuing stands at a site now.
     *
     * @param window      the opening-hours window now
     * @param deskAllowed a manager has allowed the site's desk to issue outside opening hours today
     */
    record Status(String siteId, IssuingHours.Window window, boolean deskAllowed) {
    }

    Future<Status> status(String siteId);

    /** A manager allows (or withdraws) after-hours issuing at the site's desk for today. */
    Future<Status> allowDesk(String siteId, boolean allowed, Actor manager);

    /**
     * Succeeds when this request may have a number now; fails with {@code outside_opening_hours} otherwise.
     *
     * @param staff the member of staff issuing it at the desk, or null for the public (kiosk, phone)
     */
    Future<Void> requireIssuing(TicketRequest request, Actor staff);
}
