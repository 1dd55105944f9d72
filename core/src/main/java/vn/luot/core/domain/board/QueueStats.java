package vn.luot.core.domain.board;

import java.time.Instant;

/**
 * One service's line at one site.
 *
 * @param oldestQueuedSince    when the longest-waiting ticket was issued, or null when nobody waits
 * @param estimatedWaitMinutes what a ticket taken now would wait, or null when no counter is open for it or
 *                             it would not be reached before closing
 * @param notBeforeClosing     a ticket taken now would not be reached before the site closes today
 */
public record QueueStats(String serviceId, int waiting, Instant oldestQueuedSince, Integer estimatedWaitMinutes,
                         int countersOpen, boolean notBeforeClosing) {

    public QueueStats(String serviceId, int waiting, Instant oldestQueuedSince, Integer estimatedWaitMinutes,
                      int countersOpen) {
        this(serviceId, waiting, oldestQueuedSince, estimatedWaitMinutes, countersOpen, false);
    }
}
