package vn.luot.core.domain.board;

import java.time.Instant;

/**
 * One service's line at one site.
 *
 * @param oldestQueuedSince    when the longest-waiting ticket was issued, or null when nobody waits
 * @param estimatedWaitMinutes what a ticket taken now would wait, or null when no counter is open for it
 */
public record QueueStats(String serviceId, int waiting, Instant oldestQueuedSince, Integer estimatedWaitMinutes,
                         int countersOpen) {
}
