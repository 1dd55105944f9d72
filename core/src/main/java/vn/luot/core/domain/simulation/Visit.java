package vn.luot.core.domain.simulation;

import java.time.Instant;

/**
 * One citizen coming for one service.
 *
 * @param priorityGroup null for a citizen of no priority group
 * @param slotStart     the booked slot, or null for a walk-in
 */
public record Visit(Instant arrives, String siteId, String serviceId, String priorityGroup, Instant slotStart) {
}
