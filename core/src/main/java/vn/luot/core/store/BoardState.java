package vn.luot.core.store;

import java.util.List;
import java.util.Map;
import vn.luot.core.domain.board.RecentCall;
import vn.luot.core.domain.counter.Counter;
import vn.luot.core.domain.ticket.Ticket;

/** What the live hub loads at start: counters, today's unfinished tickets and each site's latest calls. */
public record BoardState(List<Counter> counters, List<Ticket> activeTickets, Map<String, List<RecentCall>> recentCalls) {
}
