package vn.luot.core.domain.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import vn.luot.core.domain.ticket.Channel;
import vn.luot.core.domain.ticket.TicketStatus;

/**
 * One ticket as the reports see it: its row and what its history adds (first call, who served it, moves).
 *
 * @param issuedHour        the clock hour of issue in the centre's time zone (0-23)
 * @param firstCalledAt     the first time any counter called it (null when never called)
 * @param lastCalledAt      the call that led to its end (the ticket's own called_at)
 * @param servedBy          the member of staff who completed it or marked it a no-show (null otherwise)
 * @param estimateMinutes   the wait promised at issue, or null when none was given
 * @param transfers         how many times staff transferred it
 * @param siteMoves         how many of those transfers sent it to another site
 * @param ratingScore       the citizen's rating, 1 (dissatisfied) to 4 (very satisfied), or null when not rated
 * @param ratingReason      the reason given with a low rating, or null
 */
public record ReportTicket(
        UUID id,
        String number,
        LocalDate serviceDay,
        int issuedHour,
        String siteId,
        String serviceId,
        Channel channel,
        TicketStatus status,
        Instant issuedAt,
        Instant firstCalledAt,
        Instant lastCalledAt,
        Instant servingAt,
        Instant finishedAt,
        Integer counterId,
        String servedBy,
        Integer estimateMinutes,
        Instant slotStart,
        int transfers,
        int siteMoves,
        Integer ratingScore,
        String ratingReason) {

    public ReportTicket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    public boolean served() {
        return status == TicketStatus.COMPLETED;
    }

    /** Issued, never served and not a no-show: the citizen left (cancelled) or the day ended (expired). */
    public boolean abandoned() {
        return status == TicketStatus.CANCELLED || status == TicketStatus.EXPIRED;
    }

    /** From issue (or check-in, for a booking: that is when its ticket is issued) to the first call. */
    public Duration waitUntilFirstCall() {
        return firstCalledAt == null ? null : Duration.between(issuedAt, firstCalledAt);
    }

    /** From the start of service (or the call, when staff never pressed start) to completion. */
    public Duration serviceTime() {
        Instant start = servingAt != null ? servingAt : lastCalledAt;
        return !served() || start == null || finishedAt == null ? null : Duration.between(start, finishedAt);
    }
}
