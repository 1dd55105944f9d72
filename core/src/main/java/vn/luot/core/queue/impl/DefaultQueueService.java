package vn.luot.core.queue.impl;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.Actor;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.board.Standing;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.calling.CallPolicy;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.catalogue.PriorityGroup;
import vn.luot.core.domain.catalogue.ServiceDefinition;
import vn.luot.core.domain.counter.Counter;
import vn.luot.core.domain.counter.Desk;
import vn.luot.core.domain.counter.DeskChange;
import vn.luot.core.domain.counter.TransferTarget;
import vn.luot.core.domain.event.EventType;
import vn.luot.core.domain.event.QueueEvent;
import vn.luot.core.domain.ticket.ServiceDay;
import vn.luot.core.domain.printing.PrinterDefinition;
import vn.luot.core.domain.printing.TicketPrint;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketIds;
import vn.luot.core.domain.ticket.TicketRequest;
import vn.luot.core.domain.ticket.TicketStatus;
import vn.luot.core.domain.ticket.TrackingLink;
import vn.luot.core.auth.HolderSecrets;
import vn.luot.core.events.EventPublisher;
import vn.luot.core.standings.Standings;
import vn.luot.core.metrics.QueueMetrics;
import vn.luot.core.printing.PrintJobJson;
import vn.luot.core.queue.CallTarget;
import vn.luot.core.queue.IssuingService;
import vn.luot.core.queue.QueueService;
import vn.luot.core.queue.TicketView;
import vn.luot.core.store.Command;
import vn.luot.core.store.IssueDraft;
import vn.luot.core.store.IssueOutcome;
import vn.luot.core.store.PrintOrder;
import vn.luot.core.store.QueueStore;

/** The queue's use cases: check, let the store apply the rules, announce what was committed. */
public final class DefaultQueueService implements QueueService {
    private final QueueStore store;
    private final EventPublisher events;
    private final Standings standings;
    private final Catalogue catalogue;
    private final CallPolicy policy;
    private final QueueMetrics metrics;
    private final Clock clock;
    private final LuotConfig.Printing printing;
    private final PrintJobJson printJson;
    private final String publicUrl;
    private final IssuingService issuing;
    private final HolderSecrets holderSecrets;

    /** Group commit: tickets are written in batches (issue 15). */
    private final IssueBatcher batcher;

    public DefaultQueueService(QueueStore store, EventPublisher events, Standings standings, LuotConfig config,
                               QueueMetrics metrics, Clock clock, IssuingService issuing, HolderSecrets holderSecrets,
                               IssueBatcher batcher) {
        this.batcher = batcher;
        this.issuing = issuing;
        this.holderSecrets = holderSecrets;
        this.store = store;
        this.events = events;
        this.standings = standings;
        this.catalogue = config.catalogue();
        this.policy = new CallPolicy(config.queue().maxPriorityCallsInRow(), config.booking().calledAtTheirSlot());
        this.metrics = metrics;
        this.clock = clock;
        this.printing = config.printing();
        this.printJson = new PrintJobJson(catalogue.timeZone());
        this.publicUrl = config.server().publicUrl();
    }

    @Override
    public Future<TicketView> issue(TicketRequest request, String idempotencyKey, Actor staff) {
        return attempt(() -> {
            catalogue.requireOffered(request.siteId(), request.serviceId());
            catalogue.requirePriorityGroup(request.priorityGroup());
            PrinterDefinition printer = request.printerId() == null ? null
                    : printing.findPrinter(request.printerId())
                    .orElseThrow(() -> new QueueException(Problem.UNKNOWN_PRINTER, request.printerId()));
            ServiceDefinition service = catalogue.service(request.serviceId());
            Instant now = clock.instant();
            Ticket draft = new Ticket(TicketIds.next(now), "-", ServiceDay.of(now, catalogue.timeZone()),
                    request.siteId(), request.serviceId(), request.priorityGroup(), request.channel(),
                    TicketStatus.WAITING, now, now, null, null, null, null, null, 0, 0, request.note(),
                    request.slotStart());
            return requireIssuing(request, idempotencyKey, staff)
                    .compose(replay -> replay.isPresent() ? Future.succeededFuture(replay.get())
                            : standings.standing(draft).compose(atIssue -> batcher.issue(new IssueDraft(draft,
                                    service.prefix(), request, idempotencyKey, printOrder(printer, atIssue),
                                    atIssue.estimatedWaitMinutes()))))
                    .compose(outcome -> {
                        if (!outcome.replayed()) {
                            events.publish(QueueEvent.ofTicket(EventType.TICKET_ISSUED, outcome.ticket(), now));
                            metrics.ticketIssued(outcome.ticket());
                        }
                        return standings.standing(outcome.ticket())
                                .map(standing -> new TicketView(outcome.ticket(), standing, outcome.replayed()));
                    });
        });
    }

    /**
     * Empty when the site gives out numbers now. Outside opening hours, a retry of a request that was
     * answered before closing still gets its ticket back (nothing acknowledged is lost); anything else
     * fails with outside_opening_hours.
     */
    private Future<Optional<IssueOutcome>> requireIssuing(TicketRequest request, String idempotencyKey, Actor staff) {
        return issuing.requireIssuing(request, staff).<Optional<IssueOutcome>>map(open -> Optional.empty())
                .recover(refused -> idempotencyKey == null ? Future.failedFuture(refused)
                        : store.issuedBefore(request, idempotencyKey).compose(earlier -> earlier.isPresent()
                                ? Future.succeededFuture(earlier) : Future.failedFuture(refused)));
    }

    /**
     * The job that prints the ticket, when a printer is named. The ticket prints the people ahead and
     * the estimate as they stand when it is taken (the same figures the kiosk's buttons showed). The store
     * keeps that estimate with the ticket, printed or not, for the reports' accuracy figure.
     */
    private PrintOrder printOrder(PrinterDefinition printer, Standing standing) {
        if (printer == null) {
            return null;
        }
        UUID jobId = UUID.randomUUID();
        return new PrintOrder(jobId, printer.id(), ticket -> printJson.payload(
                new TicketPrint(jobId, printer.id(), ticket.id(), ticket.number(), ticket.serviceDay(),
                        ticket.issuedAt(), catalogue.centreName(), ticket.siteId(),
                        catalogue.site(ticket.siteId()).name(), ticket.serviceId(),
                        catalogue.service(ticket.serviceId()).name(), priorityName(ticket.priorityGroup()),
                        standing.position(), standing.estimatedWaitMinutes(),
                        TrackingLink.of(publicUrl, ticket.id(), holderSecrets.of(ticket.id())),
                        standing.notBeforeClosing())).encode());
    }

    private LocalizedText priorityName(String groupId) {
        return groupId == null ? null : catalogue.priorityGroups().stream().filter(g -> g.id().equals(groupId))
                .findFirst().map(PriorityGroup::name).orElse(null);
    }

    @Override
    public Future<TicketView> ticket(UUID id) {
        return store.ticket(id).compose(found -> {
            Ticket ticket = found.orElseThrow(() -> new QueueException(Problem.TICKET_NOT_FOUND, id));
            return standings.standing(ticket).map(standing -> new TicketView(ticket, standing, false));
        });
    }

    @Override
    public Future<TicketView> cancel(UUID id) {
        Instant now = clock.instant();
        return store.changeTicket(id, null, EventType.TICKET_CANCELLED.wireName(), now,
                        ticket -> ticket.status() == TicketStatus.CANCELLED ? ticket : ticket.cancelledAt(now))
                .compose(change -> {
                    if (change.changed()) {
                        events.publish(QueueEvent.ofTicket(EventType.TICKET_CANCELLED, change.ticket(), now));
                    }
                    return standings.standing(change.ticket()).map(s -> new TicketView(change.ticket(), s, !change.changed()));
                });
    }

    @Override
    public Future<List<Counter>> counters() {
        return store.counters();
    }

    @Override
    public Future<Counter> counter(int id) {
        return store.counter(id).map(found -> found.orElseThrow(
                () -> new QueueException(Problem.COUNTER_NOT_FOUND, id)));
    }

    @Override
    public Future<DeskChange> open(int counterId, Actor actor, Command command, List<String> services) {
        return act(counterId, actor, command, desk -> {
            if (services.isEmpty()) {
                throw new QueueException(Problem.INVALID_FIELD, "services", FieldRule.NOT_EMPTY_LIST);
            }
            services.forEach(service -> catalogue.requireOffered(desk.counter().siteId(), service));
            return desk.open(List.copyOf(new java.util.LinkedHashSet<>(services)));
        });
    }

    @Override
    public Future<DeskChange> pause(int counterId, Actor actor, Command command) {
        return act(counterId, actor, command, Desk::pause);
    }

    @Override
    public Future<DeskChange> resume(int counterId, Actor actor, Command command) {
        return act(counterId, actor, command, Desk::resume);
    }

    @Override
    public Future<DeskChange> close(int counterId, Actor actor, Command command) {
        return act(counterId, actor, command, Desk::close);
    }

    @Override
    public Future<Optional<DeskChange>> callNext(int counterId, Actor actor, Command command) {
        Instant now = clock.instant();
        return store.callNext(counterId, actor, command, now, ServiceDay.of(now, catalogue.timeZone()),
                        (counter, heads) -> policy.choose(counter.id(), heads, counter.priorityStreak(), now,
                                this::targetWait))
                .onSuccess(called -> called.ifPresent(change -> announce(change, now)));
    }

    @Override
    public Future<DeskChange> call(int counterId, Actor actor, Command command, CallTarget target) {
        Instant now = clock.instant();
        Future<UUID> ticketId = target.ticketId() != null
                ? Future.succeededFuture(target.ticketId())
                : store.ticketByNumber(ServiceDay.of(now, catalogue.timeZone()), target.number())
                .map(found -> found.orElseThrow(() -> new QueueException(Problem.TICKET_NOT_FOUND, target.number()))
                        .id());
        return ticketId.compose(id -> store.callTicket(counterId, actor, command, now, id))
                .onSuccess(change -> announce(change, now));
    }

    @Override
    public Future<DeskChange> recall(int counterId, Actor actor, Command command, UUID expectedTicket) {
        return act(counterId, actor, command, desk -> desk.recall(expectedTicket));
    }

    @Override
    public Future<DeskChange> startServing(int counterId, Actor actor, Command command, UUID expectedTicket) {
        Instant now = clock.instant();
        return act(counterId, actor, command, now, desk -> desk.startServing(expectedTicket, now));
    }

    @Override
    public Future<DeskChange> complete(int counterId, Actor actor, Command command, UUID expectedTicket) {
        Instant now = clock.instant();
        return act(counterId, actor, command, now, desk -> desk.complete(expectedTicket, now));
    }

    @Override
    public Future<DeskChange> noShow(int counterId, Actor actor, Command command, UUID expectedTicket) {
        Instant now = clock.instant();
        return act(counterId, actor, command, now, desk -> desk.noShow(expectedTicket, now));
    }

    @Override
    public Future<DeskChange> returnToQueue(int counterId, Actor actor, Command command, UUID expectedTicket) {
        return act(counterId, actor, command, desk -> desk.returnToQueue(expectedTicket));
    }

    @Override
    public Future<DeskChange> transfer(int counterId, Actor actor, Command command, UUID expectedTicket,
                                       TransferTarget target, String note) {
        if (target.siteId() == null && target.serviceId() == null && target.counterId() == null) {
            return Future.failedFuture(new QueueException(Problem.TRANSFER_TARGET_MISSING));
        }
        Future<Optional<Counter>> toCounter = target.counterId() == null
                ? Future.succeededFuture(Optional.empty()) : store.counter(target.counterId());
        return toCounter.compose(found -> {
            String counterSite = target.counterId() == null ? null : found
                    .orElseThrow(() -> new QueueException(Problem.COUNTER_NOT_FOUND, target.counterId())).siteId();
            return act(counterId, actor, command, desk -> {
                Ticket ticket = desk.currentTicket();
                String site = target.siteId() != null ? target.siteId()
                        : counterSite != null ? counterSite : ticket == null ? null : ticket.siteId();
                if (counterSite != null && !counterSite.equals(site)) {
                    throw new QueueException(Problem.COUNTER_AT_OTHER_SITE, target.counterId(),
                            vn.luot.core.domain.catalogue.CatalogueRef.site(counterSite));
                }
                if (ticket != null) {
                    String service = target.serviceId() != null ? target.serviceId() : ticket.serviceId();
                    catalogue.requireOffered(site, service);
                }
                return desk.transfer(expectedTicket, new TransferTarget(site, target.serviceId(), target.counterId()),
                        note);
            });
        });
    }

    private Future<DeskChange> act(int counterId, Actor actor, Command command, Function<Desk, DeskChange> action) {
        return act(counterId, actor, command, clock.instant(), action);
    }

    private Future<DeskChange> act(int counterId, Actor actor, Command command, Instant now,
                                   Function<Desk, DeskChange> action) {
        return store.changeCounter(counterId, actor, command, now, action).onSuccess(change -> announce(change, now));
    }

    /** Publishes what was committed; a replayed retry changed nothing and announces nothing. */
    private void announce(DeskChange change, Instant now) {
        if (!change.replayed()) {
            events.publish(QueueEvent.of(change, now));
            metrics.deskChanged(change);
        }
    }

    private Duration targetWait(String serviceId) {
        return catalogue.service(serviceId).targetWait();
    }

    private static <T> Future<T> attempt(Supplier<Future<T>> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }
}
