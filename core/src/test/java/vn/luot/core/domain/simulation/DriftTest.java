package vn.luot.core.domain.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.config.ConfigLoader;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.ServiceDefinition;
import vn.luot.core.domain.estimate.ServiceTimeAverages;
import vn.luot.core.support.TestServer;

@DisplayName("The estimate follows service times that drift during the day")
class DriftTest {
    private static final LuotConfig CONFIG = ConfigLoader.load(TestServer.shippedConfig(), Map.of());
    private static final LocalDate THURSDAY = LocalDate.of(2026, 11, 26);
    private static final int DAYS = 40;

    @Test
    @DisplayName("When every service becomes 50 % slower from 9:00, the afternoon's estimates are as good as if the slower times had been configured")
    void recoversAfterDrift() {
        Catalogue configured = CONFIG.catalogue();
        double drifted = afternoonError(configured, Scenario.configured(CONFIG.simulation())
                .slowingDown(LocalTime.of(9, 0), 1.5), ServiceTimeAverages.LOG_MEAN_SMOOTHING);
        double known = afternoonError(slower(configured, 1.5), Scenario.configured(CONFIG.simulation()),
                ServiceTimeAverages.LOG_MEAN_SMOOTHING);
        double unlearned = afternoonError(configured, Scenario.configured(CONFIG.simulation())
                .slowingDown(LocalTime.of(9, 0), 1.5), 0.0001);

        assertThat(drifted).as("afternoon error after drift %.2f, with the slower times known %.2f", drifted, known)
                .isLessThan(known * 1.15);
        assertThat(unlearned).as("without the running mean the error stays higher: %.2f", unlearned)
                .isGreaterThan(drifted);
    }

    /**
     * Mean absolute error of the printed estimate, in minutes, over tickets issued from 13:30, when the
     * estimate learns its service times with {@code logMeanSmoothing} (0.0001: it does not learn).
     */
    private static double afternoonError(Catalogue catalogue, Scenario scenario, double logMeanSmoothing) {
        DaySimulator simulator = new DaySimulator(catalogue, CONFIG.simulation(), CONFIG.queue().issuingHours(),
                CONFIG.queue().maxPriorityCallsInRow(), CONFIG.queue().serviceTimeSmoothing(), logMeanSmoothing);
        double error = 0;
        int count = 0;
        for (int day = 0; day < DAYS; day++) {
            for (SimulatedTicket t : simulator.run(THURSDAY, DaySimulator.daySeed(99, day), scenario).tickets()) {
                boolean afternoon = !t.issuedAt().atZone(catalogue.timeZone()).toLocalTime().isBefore(LocalTime.of(13, 30));
                if (afternoon && t.called() && t.estimate().minutes() != null) {
                    error += Math.abs(t.estimate().minutes() - t.actualWait().toMillis() / 60_000.0);
                    count++;
                }
            }
        }
        return error / count;
    }

    private static Catalogue slower(Catalogue catalogue, double factor) {
        List<ServiceDefinition> services = catalogue.services().stream()
                .map(s -> new ServiceDefinition(s.id(), s.prefix(), s.name(),
                        java.time.Duration.ofMillis(Math.round(s.meanServiceTime().toMillis() * factor)), s.targetWait(),
                        s.shareOfArrivals()))
                .toList();
        return new Catalogue(catalogue.centreId(), catalogue.centreName(), catalogue.timeZone(), catalogue.sites(),
                services, catalogue.priorityGroups());
    }
}
