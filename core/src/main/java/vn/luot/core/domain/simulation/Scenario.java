package vn.luot.core.domain.simulation;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.luot.core.domain.catalogue.CounterDefinition;

/**
 * What a simulated day varies from the configured centre.
 *
 * @param serviceTimes   how service times are drawn
 * @param slowdownFrom   from this time of day every service takes {@code slowdownFactor} times its mean (a
 *                       drift the estimate must follow), or null
 * @param counters       per site, the counters staffed and their services; a site not named keeps its configured
 *                       counters
 * @param unstaffedHours by counter id, the hours of the day (8 for 08:00–09:00) when nobody works it; a counter
 *                       not named is staffed all day
 * @param estimate       whether to estimate every ticket at issue (the planner does not need it)
 * @param probe          which estimate to print when probing where its error comes from; {@link EstimateProbe#NONE}
 *                       for the shipped one on the usual days
 */
public record Scenario(ServiceTimes serviceTimes, LocalTime slowdownFrom, double slowdownFactor,
                       Map<String, List<CounterDefinition>> counters, Map<Integer, Set<Integer>> unstaffedHours,
                       boolean estimate, EstimateProbe probe) {
    public Scenario {
        counters = Map.copyOf(counters);
        unstaffedHours = Map.copyOf(unstaffedHours);
        java.util.Objects.requireNonNull(probe, "probe");
    }

    public static Scenario configured(SimulationSettings settings) {
        return new Scenario(ServiceTimes.logNormal(settings.serviceTimeVariation()), null, 1, Map.of(), Map.of(), true,
                EstimateProbe.NONE);
    }

    public Scenario probing(EstimateProbe which) {
        return new Scenario(serviceTimes, slowdownFrom, slowdownFactor, counters, unstaffedHours, estimate, which);
    }

    public Scenario slowingDown(LocalTime from, double factor) {
        return new Scenario(serviceTimes, from, factor, counters, unstaffedHours, estimate, probe);
    }

    public Scenario withCounters(Map<String, List<CounterDefinition>> perSite) {
        return new Scenario(serviceTimes, slowdownFrom, slowdownFactor, perSite, unstaffedHours, estimate, probe);
    }

    public Scenario withUnstaffedHours(Map<Integer, Set<Integer>> byCounter) {
        return new Scenario(serviceTimes, slowdownFrom, slowdownFactor, counters, byCounter, estimate, probe);
    }

    public Scenario withServiceTimes(ServiceTimes times) {
        return new Scenario(times, slowdownFrom, slowdownFactor, counters, unstaffedHours, estimate, probe);
    }

    public Scenario withoutEstimates() {
        return new Scenario(serviceTimes, slowdownFrom, slowdownFactor, counters, unstaffedHours, false, probe);
    }
}
