package vn.luot.core.domain.counter;

import java.util.List;
import java.util.UUID;

/**
 * A counter (quầy) as it stands now: open or not, which services it calls, who opened it and which
 * ticket it is dealing with. Immutable; every change raises {@code version}.
 *
 * @param priorityStreak how many priority tickets it called in a row; see {@link vn.luot.core.domain.calling.CallPolicy}
 */
public record Counter(
        int id,
        String siteId,
        CounterState state,
        List<String> services,
        String openedBy,
        UUID currentTicketId,
        int priorityStreak,
        int version) {

    public Counter {
        services = List.copyOf(services);
    }

    public static Counter closed(int id, String siteId, List<String> services) {
        return new Counter(id, siteId, CounterState.CLOSED, services, null, null, 0, 1);
    }

    public boolean serves(String serviceId) {
        return services.contains(serviceId);
    }

    public boolean hasCurrentTicket() {
        return currentTicketId != null;
    }

    Counter withState(CounterState newState, List<String> newServices, String newOpenedBy) {
        return new Counter(id, siteId, newState, newServices, newOpenedBy, currentTicketId, priorityStreak, version + 1);
    }

    Counter withCurrent(UUID ticketId, int newStreak) {
        return new Counter(id, siteId, state, services, openedBy, ticketId, newStreak, version + 1);
    }
}
