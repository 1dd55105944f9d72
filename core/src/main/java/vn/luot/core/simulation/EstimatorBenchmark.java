package vn.luot.core.simulation;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.calling.CallPolicy;
import vn.luot.core.domain.catalogue.CounterDefinition;
import vn.luot.core.domain.catalogue.ServiceDefinition;
import vn.luot.core.domain.estimate.HallEstimator;
import vn.luot.core.domain.estimate.HallState;
import vn.luot.core.domain.estimate.LogNormalServiceTime;
import vn.luot.core.domain.estimate.PlayedTimes;
import vn.luot.core.domain.ticket.Channel;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketNumbering;
import vn.luot.core.domain.ticket.TicketStatus;

/**
 * {@code scripts/simulate --benchmark}: what one hall recomputation costs, as the live hub does it after an
 * event: every waiting ticket's estimate plus a new ticket's for each service. The hall has 200 waiting
 * tickets (services by their shares, 10 % priority, issued over the last hour) and all 11 configured
 * counters, busy. A measurement printed, not a timed test.
 */
final class EstimatorBenchmark {
    private static final int WAITING = 200;
    private static final int WARM_UP = 2_000;
    private static final int MEASURED = 5_000;

    private EstimatorBenchmark() {
    }

    static double microsPerRecomputation(LuotConfig config, PrintStream out) {
        var catalogue = config.catalogue();
        CallPolicy policy = new CallPolicy(config.queue().maxPriorityCallsInRow(), config.booking().calledAtTheirSlot());
        HallEstimator estimator = new HallEstimator(policy,
                id -> catalogue.service(id).targetWait());
        LocalDate day = LocalDate.of(2026, 11, 26);
        Instant now = day.atTime(9, 30).atZone(catalogue.timeZone()).toInstant();
        SplittableRandom random = new SplittableRandom(1);
        List<Ticket> waiting = new ArrayList<>();
        List<ServiceDefinition> services = catalogue.services();
        for (int i = 0; i < WAITING; i++) {
            ServiceDefinition s = services.get(pick(services, random.nextDouble()));
            Instant issued = now.minus(Duration.ofSeconds(random.nextInt(3600)));
            waiting.add(new Ticket(new UUID(1, i), TicketNumbering.format(s.prefix(), i + 1), day, "hall", s.id(),
                    random.nextDouble() < 0.1 ? "elderly" : null, Channel.KIOSK, TicketStatus.WAITING, issued, issued,
                    null, null, null, null, null, 0, 1, null, null));
        }
        List<HallState.OpenCounter> counters = new ArrayList<>();
        for (CounterDefinition c : catalogue.counters()) {
            String busyWith = c.defaultServices().get(0);
            counters.add(new HallState.OpenCounter(c.id(), c.defaultServices(), 0, busyWith,
                    now.minus(Duration.ofMinutes(random.nextInt(10)))));
        }
        HallState hall = new HallState(now, HallState.periodsOn(catalogue.sites().get(0).openingHours(), day,
                catalogue.timeZone()), counters, waiting);
        long sink = 0;
        for (int i = 0; i < WARM_UP; i++) {
            sink += recompute(estimator, hall, config, now);
        }
        long started = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            sink += recompute(estimator, hall, config, now);
        }
        double micros = (System.nanoTime() - started) / 1e3 / MEASURED;
        out.printf(Locale.ROOT, "one hall recomputation (%d waiting, %d counters, %d services): %.0f µs%n",
                WAITING, counters.size(), services.size(), micros);
        if (sink == Long.MIN_VALUE) {
            out.println(); // keeps the results in use, so the JIT cannot drop the work being measured
        }
        return micros;
    }

    private static long recompute(HallEstimator estimator, HallState hall, LuotConfig config, Instant now) {
        var catalogue = config.catalogue();
        List<Ticket> probes = new ArrayList<>();
        for (ServiceDefinition s : catalogue.services()) {
            probes.add(new Ticket(new UUID(0, probes.size()), "~".repeat(20), null, "hall", s.id(), null, Channel.KIOSK,
                    TicketStatus.WAITING, now, now, null, null, null, null, null, 0, 0, null, null));
        }
        long sum = 0;
        var times = PlayedTimes.logNormal(id -> catalogue.service(id).meanServiceTime(),
                new LogNormalServiceTime(config.simulation().serviceTimeVariation()));
        for (var estimate : estimator.forecast(hall, probes, times).values()) {
            sum += estimate.minutes() == null ? 0 : estimate.minutes();
        }
        return sum;
    }

    private static int pick(List<ServiceDefinition> services, double draw) {
        double sum = 0;
        for (int i = 0; i < services.size(); i++) {
            sum += services.get(i).shareOfArrivals();
            if (draw < sum) {
                return i;
            }
        }
        return services.size() - 1;
    }
}
