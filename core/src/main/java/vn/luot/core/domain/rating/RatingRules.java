package vn.luot.core.domain.rating;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketStatus;

/**
 * When a ticket may be rated: once it was served (completed), within the configured window after service,
 * and, from a counter's tablet, only a ticket that counter served. A reason is optional, only for a low
 * level, and must be one of the configured list. (One rating per ticket is kept by the store.)
 *
 * @param window  how long after service a rating is still taken
 * @param reasons the reasons a low rating may give
 */
public record RatingRules(Duration window, List<RatingReason> reasons) {
    public RatingRules {
        reasons = List.copyOf(reasons);
    }

    /**
     * @param atCounter the counter whose tablet rates, or null from the citizen's phone
     * @return the rating to store
     */
    public Rating rate(Ticket ticket, Integer atCounter, RatingLevel level, String reason, Instant now) {
        if (ticket.status() != TicketStatus.COMPLETED) {
            throw new QueueException(Problem.RATING_NOT_OPEN, ticket.number(), ticket.status());
        }
        if (atCounter != null && !atCounter.equals(ticket.counterId())) {
            throw new QueueException(Problem.RATING_OTHER_COUNTER, ticket.number(), atCounter);
        }
        if (ticket.finishedAt() != null && now.isAfter(ticket.finishedAt().plus(window))) {
            throw new QueueException(Problem.RATING_WINDOW_CLOSED, ticket.number(), window.toHours());
        }
        if (reason != null && (!level.isLow() || reasons.stream().noneMatch(r -> r.id().equals(reason)))) {
            throw new QueueException(Problem.INVALID_FIELD, "reason", FieldRule.RATING_REASON);
        }
        return new Rating(ticket.id(), level, reason, atCounter == null ? RatingSource.PHONE : RatingSource.COUNTER,
                now);
    }

    /** Whether the ticket can be rated now (the tracking page offers the rating only then). */
    public boolean open(Ticket ticket, Instant now) {
        return ticket.status() == TicketStatus.COMPLETED && ticket.finishedAt() != null
                && !now.isAfter(ticket.finishedAt().plus(window));
    }
}
