package vn.luot.core.booking;

import io.vertx.core.Future;
import java.time.Duration;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.booking.ArrivalAdvice;
import vn.luot.core.domain.booking.PhoneNumber;
import vn.luot.core.domain.ticket.Channel;
import vn.luot.core.domain.ticket.TicketRequest;
import vn.luot.core.queue.QueueService;
import vn.luot.core.queue.TicketView;

/**
 * Today's number taken from a distance ({@code /book/now}): an ordinary ticket of the channel
 * {@code remote}, issued in the site's hours like any other and called like any other (a holder who is
 * not there when called is a no-show), with advice on when to be in the hall.
 */
public final class RemoteTickets {
    /** The longest travel time the page offers. */
    public static final int MAX_TRAVEL_MINUTES = 240;
    private final QueueService queue;
    private final Duration margin;

    /** @param margin how long before the expected turn the holder should be in the hall */
    public RemoteTickets(QueueService queue, Duration margin) {
        this.queue = queue;
        this.margin = margin;
    }

    /** A remote ticket and when its holder should arrive. */
    public record RemoteTicket(TicketView ticket, ArrivalAdvice advice) {
    }

    /**
     * @param writtenPhone the holder's mobile number, for the turn-near message; stored in its normal form
     */
    public Future<RemoteTicket> take(String siteId, String serviceId, String writtenPhone, int travelMinutes,
                                     String idempotencyKey) {
        if (travelMinutes < 0 || travelMinutes > MAX_TRAVEL_MINUTES) {
            return Future.failedFuture(new QueueException(Problem.INVALID_FIELD, "travelMinutes", FieldRule.WHOLE_NUMBER));
        }
        PhoneNumber phone = PhoneNumber.parse(writtenPhone).orElse(null);
        if (phone == null) {
            return Future.failedFuture(new QueueException(Problem.INVALID_FIELD, "phone", FieldRule.MOBILE_PHONE));
        }
        TicketRequest request = new TicketRequest(siteId, serviceId, null, Channel.REMOTE, null, null,
                phone.national());
        return queue.issue(request, idempotencyKey).map(view -> new RemoteTicket(view,
                ArrivalAdvice.of(view.ticket().issuedAt(), view.standing().estimatedWaitMinutes(),
                        Duration.ofMinutes(travelMinutes), margin)));
    }
}
