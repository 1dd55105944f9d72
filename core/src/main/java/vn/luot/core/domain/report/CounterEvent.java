package vn.luot.core.domain.report;

import java.time.Instant;

/**
 * One line of a counter's history: opened, paused, resumed, closed, or a ticket called or finished there.
 *
 * @param event  the event's wire name ({@code counter.opened}, {@code ticket.called}, ...)
 * @param actor  the member of staff who did it
 * @param siteId the counter's site
 */
public record CounterEvent(Instant at, String event, int counterId, String actor, String siteId) {
}
