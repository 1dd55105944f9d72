package vn.luot.core.balancing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.Actor;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.balancing.Notice;
import vn.luot.core.domain.balancing.TicketMoves;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.domain.event.EventType;
import vn.luot.core.domain.event.QueueEvent;
import vn.luot.core.domain.ticket.ServiceDay;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.events.EventPublisher;
import vn.luot.core.i18n.Sentences;
import vn.luot.core.json.JsonViews;
import vn.luot.core.live.LiveHub;
import vn.luot.core.store.BalancingStore;
import vn.luot.core.store.Command;

/**
 * The managers' actions that balance the two sites (issue 10): notices, moving waiting tickets, changing a
 * counter's services, and the audit log that records them. Each action is one transaction in the store;
 * what it changed is announced only after it committed.
 */
public final class BalancingService {
    /** A move is for a handful of citizens at a time; a typo of 1000 would empty a hall. */
    public static final int MAX_TICKETS_MOVED = 100;

    private final Catalogue catalogue;
    private final LuotConfig.Balancing balancing;
    private final BalancingStore store;
    private final EventPublisher events;
    private final LiveHub hub;
    private final JsonViews views;
    private final Clock clock;

    public BalancingService(LuotConfig config, BalancingStore store, EventPublisher events,
                            LiveHub hub, JsonViews views, Clock clock) {
        this.catalogue = config.catalogue();
        this.balancing = config.balancing();
        this.store = store;
        this.events = events;
        this.hub = hub;
        this.views = views;
        this.clock = clock;
    }

    /** Puts the notices that have not ended back on the displays, after a restart. */
    public Future<Void> restoreNotices() {
        return store.activeNotices(clock.instant()).map(list -> {
            list.forEach(hub::showNotice);
            return null;
        });
    }

    public Future<BalancingStore.Keyed<Notice>> postNotice(Actor actor, Command command, String vi, String en,
                                                           List<String> siteIds, Instant endsAt) {
        Notice notice = Notice.create(UUID.randomUUID(), vi, en, siteIds, endsAt, clock.instant(), actor.username(),
                catalogue);
        return store.postNotice(notice, actor, command).onSuccess(done -> hub.showNotice(done.value()));
    }

    /** A site's waiting line today, every 15 minutes from its first opening (or 06:00) until now. */
    public Future<List<BalancingStore.WaitingPoint>> waitingToday(String siteId) {
        SiteDefinition site = catalogue.findSite(siteId)
                .orElseThrow(() -> new QueueException(Problem.SITE_NOT_FOUND, siteId));
        Instant now = clock.instant();
        LocalDate day = ServiceDay.of(now, catalogue.timeZone());
        java.time.LocalTime start = site.openingHours().on(day.getDayOfWeek()).stream().findFirst()
                .map(p -> p.opens().minusMinutes(30)).orElse(java.time.LocalTime.of(6, 0));
        Instant from = day.atTime(start).atZone(catalogue.timeZone()).toInstant();
        if (!from.isBefore(now)) {
            return Future.succeededFuture(List.of());
        }
        return store.waitingLine(site.id(), day, from, now, java.time.Duration.ofMinutes(15));
    }

    /** The audit lines of one service day, in the centre's time zone. */
    public Future<List<BalancingStore.AuditEntry>> audit(LocalDate day) {
        Instant from = day.atStartOfDay(catalogue.timeZone()).toInstant();
        Instant until = day.plusDays(1).atStartOfDay(catalogue.timeZone()).toInstant();
        return store.audit(from, until);
    }

    /** Changes the services a counter calls, from its next call; a manager may do it on any counter. */
    public Future<BalancingStore.CounterOutcome> changeServices(int counterId, Actor actor, Command command,
                                                                List<String> services) {
        if (services.isEmpty()) {
            throw new QueueException(Problem.INVALID_FIELD, "services", FieldRule.NOT_EMPTY_LIST);
        }
        SiteDefinition site = catalogue.findCounter(counterId)
                .map(c -> catalogue.site(c.siteId()))
                .orElseThrow(() -> new QueueException(Problem.COUNTER_NOT_FOUND, counterId));
        services.forEach(service -> catalogue.requireOffered(site.id(), service));
        Instant now = clock.instant();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(services));
        return store.changeCounter(counterId, actor, command, now, desk -> desk.changeServices(distinct),
                        change -> views.counter(change.counter(), null))
                .onSuccess(outcome -> {
                    if (!outcome.replayed()) {
                        events.publish(QueueEvent.of(outcome.change(), now));
                    }
                });
    }

    /**
     * Moves waiting tickets to the other site and answers which moved and which did not, and why. The
     * site they leave is told first, then each ticket's move reaches both halls, then its holder's phone.
     */
    public Future<BalancingStore.MoveOutcome> moveTickets(String fromSiteId, Actor actor, Command command,
                                                          MoveRequest request) {
        SiteDefinition from = catalogue.findSite(fromSiteId)
                .orElseThrow(() -> new QueueException(Problem.SITE_NOT_FOUND, fromSiteId));
        SiteDefinition to = catalogue.site(request.toSiteId());
        if (request.serviceId() != null) {
            catalogue.requireOffered(from.id(), request.serviceId());
            catalogue.requireOffered(to.id(), request.serviceId());
        }
        if (to.id().equals(from.id())) {
            throw new QueueException(Problem.MOVE_TO_SAME_SITE, vn.luot.core.domain.catalogue.CatalogueRef.site(to.id()));
        }
        Instant now = clock.instant();
        LocalDate day = ServiceDay.of(now, catalogue.timeZone());
        var selection = new BalancingStore.MoveSelection(from.id(), request.ticketIds(), request.serviceId(),
                request.count() == null ? 0 : request.count());
        return store.moveTickets(selection, actor, command, now, day,
                        found -> TicketMoves.plan(from.id(), to,
                                request.ticketIds() != null ? request.ticketIds() : found.stream().map(Ticket::id).toList(),
                                found, day),
                        this::answer)
                .onSuccess(outcome -> {
                    if (!outcome.replayed()) {
                        announceMove(outcome.plan(), now);
                    }
                });
    }

    /** What to move: {@code ticketIds}, or the {@code count} newest waiting tickets of {@code serviceId}. */
    public record MoveRequest(String toSiteId, List<UUID> ticketIds, String serviceId, Integer count) {
        public MoveRequest {
            if (toSiteId == null) {
                throw new QueueException(Problem.INVALID_FIELD, "toSiteId", FieldRule.REQUIRED);
            }
            if ((ticketIds == null) == (serviceId == null)) {
                throw new QueueException(Problem.INVALID_FIELD, "ticketIds", FieldRule.REQUIRED);
            }
            if (ticketIds != null && (ticketIds.isEmpty() || ticketIds.size() > MAX_TICKETS_MOVED)) {
                throw new QueueException(Problem.INVALID_FIELD, "ticketIds", FieldRule.NOT_EMPTY_LIST);
            }
            if (serviceId != null && (count == null || count < 1 || count > MAX_TICKETS_MOVED)) {
                throw new QueueException(Problem.INVALID_FIELD, "count", FieldRule.WHOLE_NUMBER);
            }
            ticketIds = ticketIds == null ? null : List.copyOf(new LinkedHashSet<>(ticketIds));
        }
    }

    private void announceMove(TicketMoves.Plan plan, Instant now) {
        if (plan.moved().isEmpty()) {
            return;
        }
        LocalizedText toName = catalogue.site(plan.toSiteId()).name();
        int travel = balancing.travel().minutes(plan.fromSiteId(), plan.toSiteId());
        List<String> numbers = plan.moved().stream().map(Ticket::number).toList();
        hub.announce(plan.fromSiteId(), "tickets.leaving", new JsonObject()
                .put("numbers", new JsonArray(numbers))
                .put("toSiteId", plan.toSiteId())
                .put("message", text(Sentences.both("move.display", String.join(", ", numbers), toName, travel))));
        for (Ticket moved : plan.moved()) {
            events.publish(new QueueEvent(EventType.TICKET_MOVED, now, moved, null, plan.fromSiteId()));
            hub.tellHolder(moved.id(), new JsonObject()
                    .put("type", "moved")
                    .put("ticketId", moved.id().toString())
                    .put("number", moved.number())
                    .put("fromSiteId", plan.fromSiteId())
                    .put("toSiteId", plan.toSiteId())
                    .put("travelMinutes", travel)
                    .put("message", text(Sentences.both("move.holder", moved.number(), toName, travel))));
        }
    }

    private JsonObject answer(TicketMoves.Plan plan) {
        JsonArray moved = new JsonArray();
        plan.moved().forEach(t -> moved.add(new JsonObject().put("id", t.id().toString()).put("number", t.number())
                .put("serviceId", t.serviceId()).put("siteId", t.siteId()).put("issuedAt", views.time(t.issuedAt()))
                .put("queuedSince", views.time(t.queuedSince()))));
        LocalizedText toName = catalogue.site(plan.toSiteId()).name();
        JsonArray notMoved = new JsonArray();
        List<JsonObject> refused = new ArrayList<>();
        plan.notMoved().forEach(n -> refused.add(new JsonObject()
                .put("ticketId", n.ticketId().toString())
                .put("number", n.number())
                .put("status", n.status() == null ? null : n.status().wireName())
                .put("reason", n.reason().code())
                .put("message", text(Sentences.both("move.refused." + n.reason().code(),
                        n.number() == null ? "" : n.number(), toName)))));
        refused.forEach(notMoved::add);
        return new JsonObject().put("fromSiteId", plan.fromSiteId()).put("toSiteId", plan.toSiteId())
                .put("moved", moved).put("notMoved", notMoved);
    }

    private static JsonObject text(LocalizedText text) {
        return new JsonObject().put("vi", text.vi()).put("en", text.en());
    }
}
