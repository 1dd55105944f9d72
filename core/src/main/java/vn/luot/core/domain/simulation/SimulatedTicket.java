package vn.luot.core.domain.simulation;

import java.time.Duration;
import java.time.Instant;
import vn.luot.core.domain.estimate.WaitEstimate;

/**
 * One ticket of a simulated day, with what happened to it and what it was told at issue.
 *
 * @param calledAt         null when no counter reached it before closing
 * @param counterId        the counter that called it, or null
 * @param serviceMillis    how long its service took, or 0 when it was not called
 * @param estimate         the {@link vn.luot.core.domain.estimate.HallEstimator}'s estimate at issue (null when
 *                         the run did not estimate)
 * @param baselineMinutes  the old formula's estimate at issue, null when it had none
 */
public record SimulatedTicket(String number, String siteId, String serviceId, String priorityGroup, boolean booked,
                              Instant issuedAt, Instant calledAt, Integer counterId, long serviceMillis,
                              WaitEstimate estimate, Integer baselineMinutes) {

    public boolean called() {
        return calledAt != null;
    }

    public boolean isPriority() {
        return priorityGroup != null;
    }

    /** From issue to call; null when it was not called. */
    public Duration actualWait() {
        return calledAt == null ? null : Duration.between(issuedAt, calledAt);
    }

    SimulatedTicket calledBy(int counter, Instant at, long serviceTime) {
        return new SimulatedTicket(number, siteId, serviceId, priorityGroup, booked, issuedAt, at, counter, serviceTime,
                estimate, baselineMinutes);
    }
}
