package vn.luot.core.domain.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.config.ConfigLoader;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.support.TestServer;

@DisplayName("Probes of the estimate's error: the same days, other estimates")
class EstimateProbeTest {
    private static final LocalDate THURSDAY = LocalDate.of(2026, 11, 26);
    private static final LuotConfig CONFIG = ConfigLoader.load(TestServer.shippedConfig(), Map.of());
    private static final int DAYS = 10;

    private static SimulationReport run(EstimateProbe probe) {
        DaySimulator simulator = new DaySimulator(CONFIG.catalogue(), CONFIG.simulation(), CONFIG.queue().issuingHours(),
                CONFIG.queue().maxPriorityCallsInRow(), CONFIG.queue().serviceTimeSmoothing());
        SimulationReport report = new SimulationReport(CONFIG.catalogue());
        for (int day = 0; day < DAYS; day++) {
            report.add(simulator.run(THURSDAY, DaySimulator.daySeed(4, day), Scenario.configured(CONFIG.simulation())
                    .probing(probe)));
        }
        return report;
    }

    @Test
    @DisplayName("Knowing the service times of the tickets ahead, the oracle's error is a fraction of the shipped estimate's, on the very same days")
    void oracleOnTheSameDays() {
        SimulationReport shipped = run(EstimateProbe.SHIPPED);
        SimulationReport oracle = run(EstimateProbe.ORACLE);

        // The same waits: the estimate printed changes nothing in the hall.
        assertThat(oracle.overall().meanWaitMinutes()).isEqualTo(shipped.overall().meanWaitMinutes());
        assertThat(oracle.overall().p90WaitMinutes()).isEqualTo(shipped.overall().p90WaitMinutes());
        assertThat(oracle.overall().newMae()).as("oracle %.2f, shipped %.2f", oracle.overall().newMae(),
                shipped.overall().newMae()).isLessThan(shipped.overall().newMae() / 3);
    }

    @Test
    @DisplayName("The floor (median of randomised plays with the true means) is a sound estimate: within the shipped estimate's error band, far from the old formula's")
    void floorIsSound() {
        SimulationReport shipped = run(EstimateProbe.SHIPPED);
        SimulationReport floor = run(EstimateProbe.FLOOR);

        assertThat(floor.overall().meanWaitMinutes()).isEqualTo(shipped.overall().meanWaitMinutes());
        assertThat(floor.overall().newMae()).as("floor %.2f, shipped %.2f, old %.2f", floor.overall().newMae(),
                shipped.overall().newMae(), floor.overall().oldMae())
                .isLessThan(shipped.overall().newMae() * 1.2).isLessThan(floor.overall().oldMae() * 0.85);
    }
}
