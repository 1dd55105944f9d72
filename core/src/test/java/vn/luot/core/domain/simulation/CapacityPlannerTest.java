package vn.luot.core.domain.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.config.ConfigLoader;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.support.TestServer;

@DisplayName("CapacityPlanner: Erlang C per service and hour, checked in the simulator, against the staff available")
class CapacityPlannerTest {
    private static final LuotConfig CONFIG = ConfigLoader.load(TestServer.shippedConfig(), Map.of());
    private static final LocalDate THURSDAY = LocalDate.of(2026, 11, 26);

    private static CapacityPlanner planner(SimulationSettings settings) {
        return new CapacityPlanner(new DaySimulator(CONFIG.catalogue(), settings, CONFIG.queue().issuingHours(),
                CONFIG.queue().maxPriorityCallsInRow(), CONFIG.queue().serviceTimeSmoothing()));
    }

    @Test
    @DisplayName("The plan never has fewer counters than Erlang C, and the shipped weekday fits the 12 staff")
    void weekdayPlan() {
        CapacityPlanner.Plan plan = planner(CONFIG.simulation()).plan(THURSDAY, 10, 1);

        assertThat(plan.cells()).isNotEmpty().allSatisfy(c -> assertThat(c.counters()).isGreaterThanOrEqualTo(c.erlangCounters()));
        assertThat(plan.pooled()).isNotEmpty().allSatisfy(p -> assertThat(p.counters()).isGreaterThanOrEqualTo(p.erlangCounters()));
        assertThat(plan.hours()).isNotEmpty().noneMatch(CapacityPlanner.Hour::shortOfStaff);
        assertThat(plan.cells()).anyMatch(c -> c.siteId().equals("tinh") && c.hour() == 9);
    }

    @Test
    @DisplayName("With three times the visits the plan says which hours fall short of the staff, naming the busiest service first")
    void saysWhenStaffFallShort() {
        CapacityPlanner.Plan plan = planner(CONFIG.simulation().withVisitsPerDay(720)).plan(THURSDAY, 5, 1);

        assertThat(plan.hours()).anyMatch(CapacityPlanner.Hour::shortOfStaff);
        plan.hours().stream().filter(CapacityPlanner.Hour::shortOfStaff)
                .forEach(h -> assertThat(h.shortServices()).isNotEmpty());
    }

    @Test
    @DisplayName("What if: without counters 7 and 8 from 8:00 to 10:00, household business registration waits far longer then")
    void whatIfFewerCounters() {
        CapacityPlanner planner = planner(CONFIG.simulation());
        var configured = planner.whatIf(THURSDAY, 20, 1, Map.of());
        var fewer = planner.whatIf(THURSDAY, 20, 1, Map.of(7, Set.of(8, 9), 8, Set.of(8, 9)));

        double before = wait(configured, 8, "kinh-doanh");
        double after = wait(fewer, 8, "kinh-doanh");
        assertThat(after).as("before %.1f, after %.1f minutes", before, after).isGreaterThan(before + 30);
    }

    @Test
    @DisplayName("What if: with counters 7 and 8 away from 8:00 to 10:00 but two counters added for those hours, household business registration waits as little as with the configured counters")
    void whatIfMoreCounters() {
        CapacityPlanner planner = planner(CONFIG.simulation());
        var fewer = planner.whatIf(THURSDAY, 20, 1, java.util.List.of(
                CounterChange.parse("hac-thanh:8-10:-2", CONFIG.catalogue())));
        var fewerThenMore = planner.whatIf(THURSDAY, 20, 1, java.util.List.of(
                CounterChange.parse("hac-thanh:8-10:-2", CONFIG.catalogue()),
                CounterChange.parse("hac-thanh:8-10:+2", CONFIG.catalogue())));

        double without = wait(fewer, 8, "kinh-doanh");
        double with = wait(fewerThenMore, 8, "kinh-doanh");
        assertThat(with).as("two counters away %.1f, and two added %.1f minutes", without, with)
                .isLessThan(without - 30);
    }

    private static double wait(java.util.List<CapacityPlanner.Outlook> outlook, int hour, String service) {
        return outlook.stream().filter(o -> o.siteId().equals("hac-thanh") && o.hour() == hour
                && o.serviceId().equals(service)).findFirst().orElseThrow().meanWaitMinutes();
    }
}
