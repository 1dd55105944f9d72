package vn.luot.core.domain.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.config.ConfigLoader;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.CounterDefinition;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.catalogue.OpeningHours;
import vn.luot.core.domain.catalogue.ServiceDefinition;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.domain.estimate.HallState;
import vn.luot.core.domain.ticket.IssuingHours;
import vn.luot.core.support.TestServer;

@DisplayName("DaySimulator: a day of the centre by the server's own rules")
class DaySimulatorTest {
    private static final LocalDate THURSDAY = LocalDate.of(2026, 11, 26);
    private static final LuotConfig CONFIG = ConfigLoader.load(TestServer.shippedConfig(), Map.of());

    private static DaySimulator shipped(SimulationSettings settings) {
        return new DaySimulator(CONFIG.catalogue(), settings, CONFIG.queue().issuingHours(),
                CONFIG.queue().maxPriorityCallsInRow(), CONFIG.queue().serviceTimeSmoothing());
    }

    @Test
    @DisplayName("The same seed gives the same day, ticket for ticket and call for call")
    void sameSeedSameDay() {
        DaySimulator simulator = shipped(CONFIG.simulation());
        Scenario scenario = Scenario.configured(CONFIG.simulation());

        SimulatedDay first = simulator.run(THURSDAY, 42, scenario);
        SimulatedDay again = simulator.run(THURSDAY, 42, scenario);
        SimulatedDay other = simulator.run(THURSDAY, 43, scenario);

        assertThat(first.tickets()).hasSizeGreaterThan(150);
        assertThat(again).isEqualTo(first);
        assertThat(other.tickets()).isNotEqualTo(first.tickets());
    }

    @Test
    @DisplayName("Every ticket is called at most once, never before it was issued, only in opening hours, one at a time per counter")
    void callsAreSound() {
        DaySimulator simulator = shipped(CONFIG.simulation());
        for (int day = 0; day < 20; day++) {
            LocalDate date = THURSDAY.plusDays(day);
            SimulatedDay simulated = simulator.run(date, DaySimulator.daySeed(7, day),
                    Scenario.configured(CONFIG.simulation()));
            Set<String> numbers = new HashSet<>();
            Map<Integer, List<SimulatedTicket>> byCounter = new java.util.HashMap<>();
            for (SimulatedTicket t : simulated.tickets()) {
                assertThat(numbers.add(t.siteId() + t.number())).as("issued once: " + t.number()).isTrue();
                if (t.called()) {
                    assertThat(t.calledAt()).as(t.number()).isAfterOrEqualTo(t.issuedAt());
                    assertThat(inOpeningHours(t.siteId(), date, t.calledAt())).as(t.number() + " at " + t.calledAt())
                            .isTrue();
                    byCounter.computeIfAbsent(t.counterId(), id -> new ArrayList<>()).add(t);
                }
            }
            byCounter.values().forEach(calls -> {
                calls.sort(Comparator.comparing(SimulatedTicket::calledAt));
                for (int i = 1; i < calls.size(); i++) {
                    SimulatedTicket before = calls.get(i - 1);
                    assertThat(before.calledAt().plusMillis(before.serviceMillis()))
                            .isBeforeOrEqualTo(calls.get(i).calledAt());
                }
            });
        }
    }

    @Test
    @DisplayName("Priority tickets go first, and past its target a normal ticket lets at most two priority calls in a row ahead of it")
    void priorityAndAntiStarvation() {
        SimulationSettings crowded = new SimulationSettings(300, CONFIG.simulation().arrivalProfile(),
                CONFIG.simulation().siteShares(), 0.8, 0.15, Duration.ofMinutes(10), 0.1, 0.35, 12, 0.8);
        DaySimulator simulator = shipped(crowded);
        int max = CONFIG.queue().maxPriorityCallsInRow();
        int starvationGuards = 0;
        for (int day = 0; day < 20; day++) {
            SimulatedDay simulated = simulator.run(THURSDAY, DaySimulator.daySeed(11, day),
                    Scenario.configured(crowded).withoutEstimates());
            for (SiteDefinition site : CONFIG.catalogue().sites()) {
                for (CounterDefinition counter : site.counters()) {
                    starvationGuards += checkCounter(simulated, site.id(), counter, max);
                }
            }
        }
        assertThat(starvationGuards).as("days crowded enough to need the guard").isPositive();
    }

    /** Replays one counter's calls, with its streak, against the tickets that were waiting at each call. */
    private static int checkCounter(SimulatedDay day, String siteId, CounterDefinition counter, int max) {
        List<SimulatedTicket> calls = day.tickets().stream()
                .filter(t -> t.called() && t.counterId() == counter.id())
                .sorted(Comparator.comparing(SimulatedTicket::calledAt)).toList();
        int streak = 0;
        int guards = 0;
        for (SimulatedTicket call : calls) {
            Instant at = call.calledAt();
            List<SimulatedTicket> waiting = day.tickets().stream()
                    .filter(t -> t != call && t.siteId().equals(siteId)
                            && counter.defaultServices().contains(t.serviceId())
                            && !t.issuedAt().isAfter(at) && (!t.called() || t.calledAt().isAfter(at)))
                    .toList();
            boolean priorityWaiting = waiting.stream().anyMatch(SimulatedTicket::isPriority);
            // A booked citizen's wait counts from the slot (CallPolicy's booked rule), not from an early arrival:
            // the guard is owed to the walk-ins, whose wait counts from their ticket.
            boolean normalOverdue = waiting.stream().anyMatch(t -> !t.isPriority() && !t.booked() && overdue(t, at));
            if (!call.isPriority() && priorityWaiting) {
                assertThat(overdue(call, at) && streak >= max)
                        .as("normal %s called ahead of priority at %s: only when overdue after %d priority calls",
                                call.number(), at, max).isTrue();
                guards++;
            }
            if (call.isPriority() && streak >= max) {
                assertThat(normalOverdue).as("priority %s called at %s after %d in a row while a normal one was overdue",
                        call.number(), at, streak).isFalse();
            }
            streak = call.isPriority() ? streak + 1 : 0;
        }
        return guards;
    }

    private static boolean overdue(SimulatedTicket t, Instant at) {
        return Duration.between(t.issuedAt(), at).compareTo(CONFIG.catalogue().service(t.serviceId()).targetWait()) > 0;
    }

    @Test
    @DisplayName("With one counter, Poisson arrivals and exponential service times, the mean wait is the M/M/1 formula's within the statistical error")
    void agreesWithMM1() {
        double lambdaPerHour = 6;
        Duration meanService = Duration.ofMinutes(5);
        Map<DayOfWeek, List<OpeningHours.Period>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            hours.put(d, List.of(new OpeningHours.Period(LocalTime.of(0, 0), LocalTime.of(23, 59))));
        }
        ServiceDefinition service = new ServiceDefinition("x", "X", new LocalizedText("X", "X"), meanService,
                Duration.ofMinutes(15), 1.0);
        SiteDefinition site = new SiteDefinition("s", new LocalizedText("S", "S"), List.of("x"), new OpeningHours(hours),
                List.of(new CounterDefinition(1, "s", List.of("x"))));
        Catalogue catalogue = new Catalogue("c", new LocalizedText("C", "C"), ZoneId.of("Asia/Ho_Chi_Minh"),
                List.of(site), List.of(service), List.of());
        double arrivalHours = 21.5;
        SimulationSettings poisson = new SimulationSettings((int) Math.round(lambdaPerHour * arrivalHours),
                Map.of(LocalTime.of(0, 30), 1.0, LocalTime.of(22, 0), 0.0), Map.of(), 1, 0, Duration.ZERO, 0, 0, 1, 0.8);
        DaySimulator simulator = new DaySimulator(catalogue, poisson, new IssuingHours(Duration.ZERO, true), 2, 0.2);
        Scenario scenario = Scenario.configured(poisson).withServiceTimes(ServiceTimes.exponential()).withoutEstimates();

        int days = 400;
        double sum = 0;
        double sumSquares = 0;
        for (int day = 0; day < days; day++) {
            SimulatedDay simulated = simulator.run(THURSDAY, DaySimulator.daySeed(2026, day), scenario);
            double daySum = 0;
            for (SimulatedTicket t : simulated.tickets()) {
                assertThat(t.called()).isTrue();
                daySum += t.actualWait().toMillis() / 60_000.0;
            }
            double dayMean = daySum / simulated.tickets().size();
            sum += dayMean;
            sumSquares += dayMean * dayMean;
        }
        double mean = sum / days;
        double standardError = Math.sqrt((sumSquares / days - mean * mean) / (days - 1));
        double mu = 60.0 / meanService.toMinutes();
        double rho = lambdaPerHour / mu;
        double expectedMinutes = rho / (mu - lambdaPerHour) * 60;

        assertThat(expectedMinutes).isEqualTo(5.0);
        assertThat(Math.abs(mean - expectedMinutes)).as("mean %.3f, standard error %.3f", mean, standardError)
                .isLessThan(3 * standardError);
    }

    private static boolean inOpeningHours(String siteId, LocalDate date, Instant at) {
        var zone = CONFIG.catalogue().timeZone();
        return HallState.periodsOn(CONFIG.catalogue().site(siteId).openingHours(), date, zone).stream()
                .anyMatch(p -> !at.isBefore(p.opens()) && at.isBefore(p.closes()));
    }
}
