package vn.luot.core.domain.simulation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one simulated day did: every ticket in the order it was issued, and each site's counter time.
 *
 * @param busyMillis      per site, the counters' time spent with citizens
 * @param availableMillis per site, the counters' time open in opening hours
 */
public record SimulatedDay(LocalDate date, long seed, List<SimulatedTicket> tickets, Map<String, Long> busyMillis,
                           Map<String, Long> availableMillis) {
    public SimulatedDay {
        tickets = List.copyOf(tickets);
        busyMillis = Map.copyOf(busyMillis);
        availableMillis = Map.copyOf(availableMillis);
    }
}
