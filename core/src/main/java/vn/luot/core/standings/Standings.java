package vn.luot.core.standings;

import io.vertx.core.Future;
import java.util.List;
import vn.luot.core.domain.board.QueueStats;
import vn.luot.core.domain.board.Standing;
import vn.luot.core.domain.ticket.Ticket;

/**
 * The read side of the halls: where a ticket stands and what each line expects. The use cases, the kiosk,
 * the site routes and (later) the balancing ask this, never the fan-out behind it, so that the estimate,
 * what builds on it and a multi-node fan-out stay separate parts.
 *
 * <p>Today one implementation answers it: {@link vn.luot.core.live.LiveHub}, which keeps each hall's
 * {@link vn.luot.core.domain.board.SiteBoard} current on its own thread; the estimates are the
 * {@link vn.luot.core.domain.estimate.HallEstimator}'s, played forward from each board's state.
 */
public interface Standings {

    /** Where the ticket stands now: people ahead and estimated wait ({@link Standing#NOT_WAITING} if it does not wait). */
    Future<Standing> standing(Ticket ticket);

    /** Each service's line at the site, with what a ticket taken now would wait. */
    Future<List<QueueStats>> queues(String siteId);
}
