package vn.luot.core.domain.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.config.ConfigLoader;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.calling.CallPolicy;
import vn.luot.core.domain.catalogue.CounterDefinition;
import vn.luot.core.domain.estimate.HallEstimator;
import vn.luot.core.domain.simulation.DaySimulator;
import vn.luot.core.domain.simulation.Scenario;
import vn.luot.core.domain.simulation.SimulatedDay;
import vn.luot.core.domain.simulation.SimulatedTicket;
import vn.luot.core.support.TestServer;

/**
 * The overloaded-site day of issue 10: the ward building runs five of its eight counters (counters 6, 7 and
 * 8 unstaffed) on a busy day, the provincial point its usual three. The same simulated days are played
 * twice, without and with a manager who accepts the top suggestion every five minutes; the share of
 * tickets called within their service's target wait (a ticket not called by closing counts as missed) is
 * written to {@code target/overloaded-day.txt}.
 */
@DisplayName("A simulated day with one site overloaded: suggestions accepted as they appear bring more tickets within target")
class OverloadedDayTest {
    private static final LuotConfig CONFIG = ConfigLoader.load(TestServer.shippedConfig(), Map.of());
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 23);   // a Monday
    private static final int DAYS = 5;

    private final DaySimulator simulator = new DaySimulator(CONFIG.catalogue(),
            CONFIG.simulation().withVisitsPerDay(280), CONFIG.queue().issuingHours(),
            CONFIG.queue().maxPriorityCallsInRow(), CONFIG.queue().serviceTimeSmoothing());

    private static Scenario overloaded() {
        List<CounterDefinition> wardCounters = CONFIG.catalogue().site("hac-thanh").counters().stream()
                .filter(c -> c.id() <= 5).toList();
        return Scenario.configured(CONFIG.simulation()).withoutEstimates()
                .withCounters(Map.of("hac-thanh", wardCounters));
    }

    /** A manager who accepts the suggestion that saves the most, as soon as it appears (checked every 5 minutes). */
    private static DaySimulator.Balancer acceptingTheTopSuggestion() {
        TravelTimes travel = CONFIG.balancing().travel();
        SuggestionRules rules = new SuggestionRules(
                new HallEstimator(new CallPolicy(CONFIG.queue().maxPriorityCallsInRow()),
                        id -> CONFIG.catalogue().service(id).targetWait()),
                id -> CONFIG.catalogue().service(id).targetWait(), travel, 20);
        return new DaySimulator.Balancer() {
            @Override
            public Duration every() {
                return Duration.ofMinutes(5);
            }

            @Override
            public int travelMinutes(String fromSiteId, String toSiteId) {
                return travel.minutes(fromSiteId, toSiteId);
            }

            @Override
            public List<SuggestionRules.Action> act(List<SuggestionRules.SiteHall> halls,
                                                    Function<String, Duration> mean) {
                return rules.suggest(halls, mean).stream().limit(1).map(SuggestionRules.Suggestion::action).toList();
            }
        };
    }

    private static double withinTargetShare(List<SimulatedDay> days) {
        long within = 0;
        long all = 0;
        for (SimulatedDay day : days) {
            for (SimulatedTicket t : day.tickets()) {
                all++;
                Duration target = CONFIG.catalogue().service(t.serviceId()).targetWait();
                if (t.called() && t.actualWait().compareTo(target) <= 0) {
                    within++;
                }
            }
        }
        return (double) within / all;
    }

    @Test
    @DisplayName("The same five overloaded weekdays, without and with the top suggestion accepted every five minutes: more tickets are called within target with them")
    void suggestionsHelp() throws IOException {
        List<SimulatedDay> without = new java.util.ArrayList<>();
        List<SimulatedDay> with = new java.util.ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            LocalDate date = FIRST_DAY.plusDays(i);
            long seed = DaySimulator.daySeed(2026, i);
            without.add(simulator.run(date, seed, overloaded()));
            with.add(simulator.run(date, seed, overloaded(), acceptingTheTopSuggestion()));
        }
        double before = withinTargetShare(without);
        double after = withinTargetShare(with);
        int tickets = without.stream().mapToInt(d -> d.tickets().size()).sum();

        String report = String.format(java.util.Locale.ROOT,
                "Overloaded-site days (%d weekdays from %s, %d tickets; hac-thanh with counters 1-5 only, tinh 21-23):%n"
                        + "  within target without suggestions: %.1f %%%n"
                        + "  within target with the top suggestion accepted every 5 minutes: %.1f %%%n",
                DAYS, FIRST_DAY, tickets, before * 100, after * 100);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "overloaded-day.txt"), report);
        System.out.print(report);

        assertThat(with.stream().mapToInt(d -> d.tickets().size()).sum()).as("the same citizens came").isEqualTo(tickets);
        assertThat(after).isGreaterThan(before);
    }
}
