package vn.luot.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import vn.luot.core.config.ConfigLoader;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.Actor;
import vn.luot.core.domain.Role;
import vn.luot.core.domain.board.ForecastBudget;
import vn.luot.core.domain.board.SiteBoard;
import vn.luot.core.domain.calling.CallPolicy;
import vn.luot.core.domain.catalogue.CounterDefinition;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.domain.counter.Counter;
import vn.luot.core.domain.counter.Desk;
import vn.luot.core.domain.estimate.HallEstimator;
import vn.luot.core.domain.estimate.ServiceTimeAverages;
import vn.luot.core.domain.event.EventType;
import vn.luot.core.domain.event.QueueEvent;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketStatus;

/**
 * What the wait estimate costs one hall's board, without a server: the shipped catalogue's largest site
 * with all its counters open at 08:30 on a Thursday and W tickets waiting (its services in turn). For each
 * W: one play of the whole hall (the forecast), a ticket's own play as issuing did before (the hall copied
 * with the ticket added), and what one issued ticket costs the board as the server asks it (the standing
 * of the ticket being issued, the event applied, the issued ticket's standing, the lines; then the
 * ticket leaves again, so that W stays W), with the shipped budget and with none. Single thread, wall time; the machine is shared, so read the ratios.
 *
 * <p>{@code java -cp bench/target/luot-bench.jar vn.luot.bench.EstimateCost [200,2000,15000]}
 */
public final class EstimateCost {
    private static final Actor STAFF = new Actor("bench", Role.OPERATOR);

    private EstimateCost() {
    }

    public static void main(String[] args) {
        LuotConfig config = ConfigLoader.load(Path.of(ConfigLoader.DEFAULT_FILE), Map.of());
        String sizes = args.length > 0 ? args[0] : "200,2000,15000";
        System.out.println("  waiting  forecast ms  own play ms  per issue, budget " + config.queue().estimateCpuShare()
                + " (us, plays/issue)  per issue, no budget (us, plays/issue)");
        for (String size : sizes.split(",")) {
            int waiting = Integer.parseInt(size.trim());
            new EstimateCost().measure(config, waiting);
        }
    }

    private void measure(LuotConfig config, int waiting) {
        ZoneId zone = config.catalogue().timeZone();
        SiteDefinition site = config.catalogue().sites().stream()
                .max((a, b) -> Integer.compare(a.counters().size(), b.counters().size())).orElseThrow();
        Instant now = LocalDate.of(2026, 11, 26).atTime(LocalTime.of(8, 30)).atZone(zone).toInstant();
        ServiceTimeAverages averages = new ServiceTimeAverages(config.catalogue().services(),
                config.queue().serviceTimeSmoothing(), ServiceTimeAverages.LOG_MEAN_SMOOTHING,
                config.simulation().serviceTimeVariation());
        HallEstimator estimator = new HallEstimator(new CallPolicy(config.queue().maxPriorityCallsInRow(),
                config.booking().calledAtTheirSlot()), id -> config.catalogue().service(id).targetWait());

        SiteBoard unlimited = hall(site, averages, estimator, zone, ForecastBudget.unlimited(), waiting, now);
        int rounds = Math.max(5, Math.min(400, 400_000 / waiting));
        // One play of the whole hall: a change (a ticket in and out, so that the hall keeps its size), a question.
        double forecastMs = timeMs(rounds, i -> {
            Ticket t = ticket(site, i, "P", now);
            unlimited.apply(QueueEvent.ofTicket(EventType.TICKET_ISSUED, t, now));
            unlimited.apply(QueueEvent.ofTicket(EventType.TICKET_CANCELLED, cancelled(t), now));
            unlimited.queues(now);
        });
        // A ticket's own play, as a ticket being issued had before: the hall copied with it added.
        var state = unlimited.hallState(now);
        double ownPlayMs = timeMs(rounds, i -> estimator.estimate(state, ticket(site, i, "Q", now),
                averages.playedTimes()));

        String budgeted = perIssue(hall(site, averages, estimator, zone,
                ForecastBudget.ofShare(config.queue().estimateCpuShare()), waiting, now), site, now, 20_000);
        String free = perIssue(hall(site, averages, estimator, zone, ForecastBudget.unlimited(), waiting, now),
                site, now, rounds);
        System.out.printf(Locale.ROOT, "  %7d  %11.2f  %11.2f  %-38s  %s%n", waiting, forecastMs, ownPlayMs, budgeted, free);
    }

    /** What one issued ticket costs the board, the way the server asks it (as fast as the thread goes). */
    private static String perIssue(SiteBoard board, SiteDefinition site, Instant now, int issues) {
        long plays = board.playsRun();
        long started = System.nanoTime();
        for (int i = 0; i < issues; i++) {
            Ticket draft = ticket(site, i, "N", now);
            board.standing(draft, now);
            board.apply(QueueEvent.ofTicket(EventType.TICKET_ISSUED, draft, now));
            board.standing(draft, now);
            board.queues(now);
            board.apply(QueueEvent.ofTicket(EventType.TICKET_CANCELLED, cancelled(draft), now)); // W stays W
        }
        double micros = (System.nanoTime() - started) / 1000.0 / issues;
        return String.format(Locale.ROOT, "%.1f us, %.3f", micros, (board.playsRun() - plays) / (double) issues);
    }

    private interface Step {
        void run(int i);
    }

    private static double timeMs(int rounds, Step step) {
        for (int i = 0; i < rounds; i++) {
            step.run(-1 - i); // warm-up
        }
        long started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            step.run(i);
        }
        return (System.nanoTime() - started) / 1e6 / rounds;
    }

    private static SiteBoard hall(SiteDefinition site, ServiceTimeAverages averages, HallEstimator estimator,
                                  ZoneId zone, ForecastBudget budget, int waiting, Instant now) {
        SiteBoard board = new SiteBoard(site, averages, 8, estimator, zone, budget);
        for (CounterDefinition c : site.counters()) {
            var opened = new Desk(Counter.closed(c.id(), site.id(), c.defaultServices()), null, STAFF)
                    .open(c.defaultServices());
            board.apply(QueueEvent.of(opened, now));
        }
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < waiting; i++) {
            tickets.add(ticket(site, i, "W", now.minusMillis(waiting - i)));
        }
        tickets.forEach(t -> board.apply(QueueEvent.ofTicket(EventType.TICKET_ISSUED, t, t.issuedAt())));
        board.queues(now);
        return board;
    }

    private static Ticket cancelled(Ticket t) {
        return new Ticket(t.id(), t.number(), t.serviceDay(), t.siteId(), t.serviceId(), null, null,
                TicketStatus.CANCELLED, t.issuedAt(), t.queuedSince(), null, null, null, null, null, 0, 1, null, null);
    }

    private static Ticket ticket(SiteDefinition site, int i, String series, Instant at) {
        List<String> services = site.serviceIds();
        String service = services.get(Math.floorMod(i, services.size()));
        return new Ticket(UUID.randomUUID(), series + Math.abs(i), at.atZone(ZoneId.of("UTC")).toLocalDate(), site.id(),
                service, null, null, TicketStatus.WAITING, at, at, null, null, null, null, null, 0, 0, null, null);
    }
}
