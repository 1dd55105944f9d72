package vn.luot.core.domain.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.catalogue.CatalogueRef;

/**
 * A numbered queue ticket. Immutable: each step of its life returns a new ticket with a higher
 * {@code version}, or throws a {@link QueueException} when the ticket's state does not allow it.
 *
 * @param queuedSince       the original issue time; it keeps the ticket's place when it is returned
 *                          to the queue or transferred to another service or site
 * @param counterId         the counter that called it, while CALLED or SERVING (and afterwards, for the record)
 * @param assignedCounterId set when staff transferred it to one particular counter; only that counter calls it
 * @param slotStart         the start of the booked slot, for a ticket checked in from a booking; null for
 *                          walk-ins. The call policy uses it to call booked citizens at their time.
 */
public record Ticket(
        UUID id,
        String number,
        LocalDate serviceDay,
        String siteId,
        String serviceId,
        String priorityGroup,
        Channel channel,
        TicketStatus status,
        Instant issuedAt,
        Instant queuedSince,
        Integer counterId,
        Integer assignedCounterId,
        Instant calledAt,
        Instant servingAt,
        Instant finishedAt,
        int callCount,
        int version,
        String note,
        Instant slotStart) {

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(queuedSince, "queuedSince");
    }

    /** Checked in from a booking: it carries the booked slot. */
    public boolean isBooked() {
        return slotStart != null;
    }

    public boolean isPriority() {
        return priorityGroup != null;
    }

    /** How long the citizen has waited for their turn, counted from the original issue time. */
    public Duration waitedUntil(Instant moment) {
        Duration waited = Duration.between(queuedSince, moment);
        return waited.isNegative() ? Duration.ZERO : waited;
    }

    /** How long the counter spent with the citizen, once the ticket is finished at a counter. */
    public Duration serviceTime() {
        Instant start = servingAt != null ? servingAt : calledAt;
        if (start == null || finishedAt == null) {
            return Duration.ZERO;
        }
        return Duration.between(start, finishedAt);
    }

    public Ticket calledBy(int counter, String counterSiteId, Instant now) {
        require(status == TicketStatus.WAITING);
        if (!siteId.equals(counterSiteId)) {
            throw new QueueException(Problem.TICKET_AT_OTHER_SITE, number, CatalogueRef.site(siteId));
        }
        if (assignedCounterId != null && assignedCounterId != counter) {
            throw new QueueException(Problem.TICKET_RESERVED_FOR_OTHER_COUNTER, number, assignedCounterId);
        }
        return with(TicketStatus.CALLED, counter, assignedCounterId, now, null, null, callCount + 1,
                siteId, serviceId, note);
    }

    public Ticket recalled() {
        require(status == TicketStatus.CALLED);
        return with(status, counterId, assignedCounterId, calledAt, servingAt, finishedAt, callCount + 1,
                siteId, serviceId, note);
    }

    public Ticket servingFrom(Instant now) {
        require(status == TicketStatus.CALLED);
        return with(TicketStatus.SERVING, counterId, assignedCounterId, calledAt, now, null, callCount,
                siteId, serviceId, note);
    }

    public Ticket completedAt(Instant now) {
        require(status.atCounter());
        return with(TicketStatus.COMPLETED, counterId, assignedCounterId, calledAt, servingAt, now, callCount,
                siteId, serviceId, note);
    }

    public Ticket noShowAt(Instant now) {
        require(status == TicketStatus.CALLED);
        return with(TicketStatus.NO_SHOW, counterId, assignedCounterId, calledAt, servingAt, now, callCount,
                siteId, serviceId, note);
    }

    /** Back to waiting, in its original place (by original issue time). */
    public Ticket returnedToQueue() {
        require(status.atCounter());
        return with(TicketStatus.WAITING, null, null, null, null, null, callCount, siteId, serviceId, note);
    }

    /** Back to waiting for another service, site or counter; it keeps its number and its place. */
    public Ticket transferredTo(String newSiteId, String newServiceId, Integer toCounter, String newNote) {
        require(status.atCounter());
        return with(TicketStatus.WAITING, null, toCounter, null, null, null, callCount, newSiteId, newServiceId,
                newNote != null ? newNote : note);
    }

    /**
     * A waiting ticket a manager moves to the other site (issue 10): same number, same service, same
     * original issue time, so it takes its fair place in that site's line. A counter it was sent to stays
     * behind.
     */
    public Ticket movedTo(String newSiteId) {
        require(status == TicketStatus.WAITING);
        return with(TicketStatus.WAITING, null, null, null, null, null, callCount, newSiteId, serviceId, note);
    }

    public Ticket cancelledAt(Instant now) {
        require(status == TicketStatus.WAITING);
        return with(TicketStatus.CANCELLED, counterId, assignedCounterId, calledAt, servingAt, now, callCount,
                siteId, serviceId, note);
    }

    private void require(boolean allowed) {
        if (!allowed) {
            throw new QueueException(Problem.TICKET_STATE, number, status);
        }
    }

    private Ticket with(TicketStatus newStatus, Integer newCounter, Integer newAssigned, Instant newCalledAt,
                        Instant newServingAt, Instant newFinishedAt, int newCallCount,
                        String newSiteId, String newServiceId, String newNote) {
        return new Ticket(id, number, serviceDay, newSiteId, newServiceId, priorityGroup, channel, newStatus,
                issuedAt, queuedSince, newCounter, newAssigned, newCalledAt, newServingAt, newFinishedAt,
                newCallCount, version + 1, newNote, slotStart);
    }
}
