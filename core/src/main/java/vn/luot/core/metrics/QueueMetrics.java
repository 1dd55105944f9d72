package vn.luot.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import vn.luot.core.domain.counter.DeskChange;
import vn.luot.core.domain.event.EventType;
import vn.luot.core.domain.ticket.Ticket;

/**
 * The queue's own metrics, exposed at {@code /metrics} next to Vert.x's: tickets issued, waits and
 * service times per service and site (as histograms), and the open WebSockets by kind.
 */
public final class QueueMetrics {
    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, AtomicInteger> sockets = new ConcurrentHashMap<>();
    /** Looked up once per service, site and channel: registering on every ticket costs more than counting. */
    private final ConcurrentHashMap<String, Counter> issued = new ConcurrentHashMap<>();

    public QueueMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void ticketIssued(Ticket ticket) {
        String key = ticket.serviceId() + '|' + ticket.siteId() + '|' + ticket.channel().wireName();
        issued.computeIfAbsent(key, k -> Counter.builder("luot.tickets.issued")
                .description("Tickets issued")
                .tag("service", ticket.serviceId())
                .tag("site", ticket.siteId())
                .tag("channel", ticket.channel().wireName())
                .register(registry)).increment();
    }

    /** Records the wait when a ticket is first called, and the service time when it is completed. */
    public void deskChanged(DeskChange change) {
        Ticket ticket = change.ticket();
        if (ticket == null) {
            return;
        }
        if (change.event() == EventType.TICKET_CALLED && ticket.calledAt() != null) {
            timer("luot.ticket.wait", "Time from taking a ticket to its call", ticket)
                    .record(Duration.between(ticket.queuedSince(), ticket.calledAt()));
        } else if (change.event() == EventType.TICKET_COMPLETED) {
            timer("luot.service.time", "Time a counter spent on a ticket", ticket).record(ticket.serviceTime());
        }
    }

    /**
     * Tickets per group commit (issue 15): the size of every batch of issued tickets written in one
     * statement and one commit, as {@code luot_issue_batch_size} (count, sum, max, and buckets the bench reads).
     */
    public java.util.function.IntConsumer issueBatchSizes() {
        io.micrometer.core.instrument.DistributionSummary summary = io.micrometer.core.instrument.DistributionSummary
                .builder("luot.issue.batch.size")
                .description("Tickets written together in one statement and one commit")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256)
                .register(registry);
        return summary::record;
    }

    /** A live count of open sockets of one kind (site, ticket, printer). */
    public AtomicInteger openSockets(String kind) {
        return sockets.computeIfAbsent(kind, k -> registry.gauge("luot.websockets.open",
                java.util.List.of(io.micrometer.core.instrument.Tag.of("kind", k)), new AtomicInteger()));
    }

    /** How many tickets phones follow now; it falls back when they leave (it rose without end when it leaked). */
    public AtomicInteger watchedTickets() {
        return registry.gauge("luot.live.watched.tickets", new AtomicInteger());
    }

    private Timer timer(String name, String description, Ticket ticket) {
        return Timer.builder(name)
                .description(description)
                .tag("service", ticket.serviceId())
                .tag("site", ticket.siteId())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofHours(4))
                .register(registry);
    }
}
