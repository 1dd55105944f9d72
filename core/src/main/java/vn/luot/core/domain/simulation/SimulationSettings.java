package vn.luot.core.domain.simulation;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

/**
 * How citizens come to the centre and how long they take, for the day simulator and the capacity planner.
 * The shipped figures are estimates that fit the published load (see {@code config/default.yaml}).
 *
 * @param visitsPerDay          visits on a working day, both sites together (bookings included)
 * @param arrivalProfile        share of the day's visits by the hour they arrive; each share runs from its
 *                              time to the next one (or to the end of that opening period)
 * @param siteShares            how visits for a service both sites offer split between them
 * @param serviceTimeVariation  coefficient of variation of the log-normal service times (0.8)
 * @param bookedShare           share of visits booked ahead
 * @param bookedArrivalSpread   booked visitors arrive within this much before or after their slot
 * @param bookedNoShowShare     share of bookings whose citizen never comes
 * @param priorityShare         share of visits by citizens of a priority group
 * @param staffAvailable        staff who can work a counter, for the planner
 * @param targetShareWithinWait the planner's goal: this share of tickets called within the service's target wait
 */
public record SimulationSettings(int visitsPerDay, Map<LocalTime, Double> arrivalProfile, Map<String, Double> siteShares,
                                 double serviceTimeVariation, double bookedShare, Duration bookedArrivalSpread,
                                 double bookedNoShowShare, double priorityShare, int staffAvailable,
                                 double targetShareWithinWait) {
    public SimulationSettings {
        arrivalProfile = Map.copyOf(arrivalProfile);
        siteShares = Map.copyOf(siteShares);
    }

    /** The catalogue's figures, for a configuration that names none (its sites share visits equally). */
    public static SimulationSettings typical(Map<LocalTime, Double> arrivalProfile) {
        return new SimulationSettings(240, arrivalProfile, Map.of(), 0.8, 0.15, Duration.ofMinutes(10), 0.10, 0.08,
                12, 0.80);
    }

    public SimulationSettings withVisitsPerDay(int visits) {
        return new SimulationSettings(visits, arrivalProfile, siteShares, serviceTimeVariation, bookedShare,
                bookedArrivalSpread, bookedNoShowShare, priorityShare, staffAvailable, targetShareWithinWait);
    }

    public SimulationSettings withServiceTimeVariation(double cv) {
        return new SimulationSettings(visitsPerDay, arrivalProfile, siteShares, cv, bookedShare,
                bookedArrivalSpread, bookedNoShowShare, priorityShare, staffAvailable, targetShareWithinWait);
    }
}
