package vn.luot.core.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.balancing.Notice;
import vn.luot.core.domain.board.ForecastBudget;
import vn.luot.core.domain.board.PlayRunner;
import vn.luot.core.domain.board.QueueStats;
import vn.luot.core.domain.board.SiteBoard;
import vn.luot.core.domain.board.Standing;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.ServiceDefinition;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.domain.calling.CallPolicy;
import vn.luot.core.domain.estimate.HallEstimator;
import vn.luot.core.domain.estimate.HallState;
import vn.luot.core.domain.estimate.ServiceTimeAverages;
import vn.luot.core.domain.event.QueueEvent;
import vn.luot.core.domain.ticket.ServiceDay;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.json.JsonViews;
import vn.luot.core.metrics.FanOutMeter;
import vn.luot.core.store.BoardState;
import vn.luot.core.store.QueueStore;
import vn.luot.core.standings.Standings;

/**
 * This node's live picture of every hall, and the fan-out of its changes.
 *
 * <p>The hub owns one thread (its verticle's context). Everything it holds, the {@link SiteBoard}s,
 * the per-site sequence numbers and the ticket watches, is touched on that thread only, so events are
 * applied and numbered in one order, and every subscriber receives them in that order, right after a
 * snapshot taken at a known sequence number. Other threads talk to it through {@link #deliver},
 * {@link #ask} and the subscribe methods, which queue work onto that thread.
 *
 * <p>It also turns the day over: when the centre's date changes, it expires yesterday's leftovers,
 * reloads the boards and sends every subscriber a fresh snapshot.
 */
public final class LiveHub extends VerticleBase implements Standings {
    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
    private static final long HEARTBEAT_MS = 10_000;
    private static final long DAY_CHECK_MS = 30_000;

    private final QueueStore store;
    private final Catalogue catalogue;
    private final Clock clock;
    private final LuotConfig config;
    private final LiveMessages messages;
    private final FanOutMeter fanOut;
    private final Map<String, SiteBoard> boards = new LinkedHashMap<>();
    private final Map<String, SiteChannel> channels = new HashMap<>();
    private final Map<UUID, TicketWatch> watches = new HashMap<>();
    /** How many tickets are watched now, for {@code /metrics}: a number that only grows is a leak. */
    private final AtomicInteger watchedTickets;
    private final List<QueueEvent> heldDuringReload = new ArrayList<>();
    private final Map<UUID, Notice> notices = new LinkedHashMap<>();
    private ServiceTimeAverages averages;
    private LocalDate serviceDay;
    private boolean reloading;
    private WorkerExecutor plays;

    public LiveHub(QueueStore store, LuotConfig config, JsonViews views, Clock clock, AtomicInteger watchedTickets,
                   FanOutMeter fanOut) {
        this.store = store;
        this.fanOut = fanOut;
        this.watchedTickets = watchedTickets;
        this.catalogue = config.catalogue();
        this.config = config;
        this.clock = clock;
        this.messages = new LiveMessages(views);
    }

    @Override
    public Future<?> start() {
        // One thread for the plays of long halls (SiteBoard): a play at a time, never on the hub's own.
        plays = vertx.createSharedWorkerExecutor("luot-forecast", 1);
        createBoards();
        return reload().onSuccess(loaded -> {
            vertx.setPeriodic(HEARTBEAT_MS, id -> heartbeat());
            vertx.setPeriodic(DAY_CHECK_MS, id -> turnTheDayIfNeeded());
        });
    }

    // ---- called from any thread -------------------------------------------------------------------

    /** Applies a committed event, numbers it per site and sends it to every subscriber of those sites. */
    public void deliver(QueueEvent event) {
        context.runOnContext(v -> onEvent(event));
    }

    @Override
    public Future<Standing> standing(Ticket ticket) {
        return ask(() -> {
            SiteBoard board = boards.get(ticket.siteId());
            return board == null ? Standing.NOT_WAITING : board.standing(ticket, clock.instant());
        });
    }

    @Override
    public Future<List<QueueStats>> queues(String siteId) {
        return ask(() -> boards.get(siteId).queues(clock.instant()));
    }

    /** The hall as a snapshot message, for a client that asks over HTTP. */
    public Future<String> snapshot(String siteId) {
        return ask(() -> snapshotFor(siteId));
    }

    /** Sends the subscriber a snapshot, then every event after it, in order. */
    public void subscribe(String siteId, Subscriber subscriber) {
        context.runOnContext(v -> {
            SiteChannel channel = channels.get(siteId);
            EncodedMessage snapshot = encode(snapshotFor(siteId));
            SubscriberGroup group = channel.groupFor(subscriber.context());
            channel.subscribed();
            group.run(() -> group.join(subscriber, snapshot));
        });
    }

    /** A client that saw a gap in the sequence asks for a fresh snapshot; events continue after it. */
    public void resync(String siteId, Subscriber subscriber) {
        context.runOnContext(v -> {
            EncodedMessage snapshot = encode(snapshotFor(siteId));
            channels.get(siteId).groupFor(subscriber.context()).run(() -> subscriber.send(snapshot));
        });
    }

    public void unsubscribe(String siteId, Subscriber subscriber) {
        context.runOnContext(v -> {
            SiteChannel channel = channels.get(siteId);
            SubscriberGroup group = channel.groupFor(subscriber.context());
            channel.unsubscribed();
            group.run(() -> group.leave(subscriber));
        });
    }

    /** Follows one ticket for a phone: sends where it stands now, then again whenever that changes. */
    public void watch(Ticket ticket, Subscriber watcher) {
        context.runOnContext(v -> {
            TicketWatch watch = watches.computeIfAbsent(ticket.id(), id -> new TicketWatch(ticket));
            watchedTickets.set(watches.size());
            watch.update(ticket);
            watch.watchers.add(watcher);
            Standing standing = standingOf(watch.ticket);
            watch.told(standing);
            sendToWatcher(ticket.id(), watcher, encode(messages.standing(watch.ticket, standing)));
        });
    }

    public void unwatch(UUID ticketId, Subscriber watcher) {
        context.runOnContext(v -> {
            TicketWatch watch = watches.get(ticketId);
            if (watch != null && watch.watchers.remove(watcher) && watch.watchers.isEmpty()) {
                watches.remove(ticketId);
                watchedTickets.set(watches.size());
            }
        });
    }

    /**
     * Runs a question on the hub's thread and answers on the caller's, so callers never touch the
     * boards and their own callbacks stay on their own event loop.
     */
    <T> Future<T> ask(Supplier<T> question) {
        Context caller = Vertx.currentContext();
        Promise<T> answer = Promise.promise();
        context.runOnContext(v -> {
            Runnable reply;
            try {
                T result = question.get();
                reply = () -> answer.complete(result);
            } catch (RuntimeException e) {
                reply = () -> answer.fail(e);
            }
            if (caller == null) {
                reply.run();
            } else {
                Runnable r = reply;
                caller.runOnContext(x -> r.run());
            }
        });
        return answer.future();
    }

    // ---- on the hub's thread ----------------------------------------------------------------------

    private void onEvent(QueueEvent event) {
        if (reloading) {
            heldDuringReload.add(event);
            return;
        }
        for (String siteId : event.siteIds()) {
            SiteBoard board = boards.get(siteId);
            if (board == null || !board.apply(event)) {
                continue;
            }
            SiteChannel channel = channels.get(siteId);
            long seq = channel.next();
            if (channel.hasSubscribers()) {
                List<QueueStats> changed = channel.changedLines(board.queues(clock.instant()));
                channel.broadcast(encode(messages.event(event, board, seq, changed)));
            } else {
                channel.forgetLines();
            }
        }
        updateWatches(event);
    }

    private void updateWatches(QueueEvent event) {
        if (watches.isEmpty()) {
            return;
        }
        if (event.ticket() != null) {
            TicketWatch own = watches.get(event.ticket().id());
            if (own != null) {
                own.update(event.ticket());
            }
        }
        UUID about = event.ticket() == null ? null : event.ticket().id();
        tellWatchers(watch -> event.siteIds().contains(watch.ticket.siteId()) || watch.ticket.id().equals(about));
    }

    /** Tells the phones of the watches concerned where their ticket stands now, if that changed. */
    private void tellWatchers(Predicate<TicketWatch> concerned) {
        if (watches.isEmpty()) {
            return;
        }
        WatcherSends sends = new WatcherSends();
        for (TicketWatch watch : watches.values()) {
            if (concerned.test(watch)) {
                // The hall's forecast is shared by every ticket; only a phone with news gets a message built.
                Standing standing = standingOf(watch.ticket);
                if (watch.isNews(standing)) {
                    watch.told(standing);
                    EncodedMessage encoded = encode(messages.standing(watch.ticket, standing));
                    watch.watchers.forEach(w -> sends.add(watch.ticket.id(), w, encoded));
                }
            }
        }
        sends.run();
    }

    /**
     * One event's news for the phones, gathered by event loop: each loop gets one task that writes to all
     * its phones, instead of one task per phone (a call moves everyone's position, so a busy morning
     * means a thousand phones per call).
     */
    private final class WatcherSends {
        private record Send(UUID ticketId, Subscriber watcher, EncodedMessage message) {
        }

        private final Map<Context, List<Send>> byLoop = new HashMap<>();

        void add(UUID ticketId, Subscriber watcher, EncodedMessage message) {
            byLoop.computeIfAbsent(watcher.context(), c -> new ArrayList<>()).add(new Send(ticketId, watcher, message));
        }

        void run() {
            byLoop.forEach((loop, sends) -> loop.runOnContext(x -> sends.forEach(s -> {
                if (!s.watcher().send(s.message())) {
                    unwatch(s.ticketId(), s.watcher());
                }
            })));
        }
    }

    private Standing standingOf(Ticket ticket) {
        SiteBoard board = boards.get(ticket.siteId());
        return board == null ? Standing.NOT_WAITING : board.standing(ticket, clock.instant());
    }

    /** Tells every quiet client that the connection is alive: halls with their latest sequence, phones too. */
    private void heartbeat() {
        endNoticesDue();
        channels.forEach((siteId, channel) -> {
            if (channel.hasSubscribers()) {
                channel.broadcast(encode(messages.heartbeat(siteId, channel.current(), clock.instant())));
            }
        });
        if (!watches.isEmpty()) {
            EncodedMessage beat = encode(messages.ticketHeartbeat(clock.instant()));
            WatcherSends sends = new WatcherSends();
            watches.values().forEach(watch -> watch.watchers.forEach(w -> sends.add(watch.ticket.id(), w, beat)));
            sends.run();
        }
    }

    /** Sends on the watcher's own thread; a watcher whose connection is gone is dropped from its watch. */
    private void sendToWatcher(UUID ticketId, Subscriber watcher, EncodedMessage message) {
        watcher.context().runOnContext(x -> {
            if (!watcher.send(message)) {
                unwatch(ticketId, watcher);
            }
        });
    }

    private void turnTheDayIfNeeded() {
        if (!reloading && !today().equals(serviceDay)) {
            LOG.info("A new service day begins: {}", today());
            reload().onFailure(e -> LOG.warn("Could not turn the day over yet; will retry: {}", e.getMessage()));
        }
    }

    private Future<Void> reload() {
        reloading = true;
        LocalDate today = today();
        List<String> prefixes = catalogue.services().stream().map(ServiceDefinition::prefix).toList();
        return store.expireBefore(today)
                .compose(expired -> store.prepareDay(today, prefixes))
                .compose(ready -> store.prepareDay(today.plusDays(1), prefixes))
                .compose(ready -> store.boardState(today, config.announcements().recentCallsShown()))
                .map(state -> {
                    load(state);
                    serviceDay = today;
                    return (Void) null;
                })
                .onComplete(done -> {
                    reloading = false;
                    List<QueueEvent> held = new ArrayList<>(heldDuringReload);
                    heldDuringReload.clear();
                    held.forEach(this::onEvent);
                    boards.forEach((siteId, board) -> {
                        SiteChannel channel = channels.get(siteId);
                        channel.forgetLines(); // the boards were loaded afresh: the snapshot takes their lines
                        channel.broadcast(encode(snapshotFor(siteId)));
                    });
                });
    }

    private void createBoards() {
        averages = new ServiceTimeAverages(catalogue.services(), config.queue().serviceTimeSmoothing(),
                config.queue().serviceTimeLogSmoothing(), config.simulation().serviceTimeVariation());
        // The server's own call policy, booked window included: the estimate plays the hall by its rules.
        CallPolicy policy = new CallPolicy(config.queue().maxPriorityCallsInRow(), config.booking().calledAtTheirSlot());
        HallEstimator estimator = new HallEstimator(policy,
                serviceId -> catalogue.service(serviceId).targetWait());
        for (SiteDefinition site : catalogue.sites()) {
            boards.put(site.id(), new SiteBoard(site, averages, config.announcements().recentCallsShown(), estimator,
                    catalogue.timeZone(), ForecastBudget.ofShare(config.queue().estimateCpuShare()), playsFor(site.id()),
                    config.queue().estimateInlinePlay()));
            channels.put(site.id(), new SiteChannel());
        }
    }

    /** Plays a long hall on the forecast thread; the hall's subscribers and phones then hear what it moved. */
    private PlayRunner playsFor(String siteId) {
        return new HallPlays(siteId, plays::executeBlocking, context, () -> forecastArrived(siteId));
    }

    /**
     * A play that ran off this thread is in: the lines whose figures it moved go to the site's subscribers
     * as {@code queues.updated}, numbered like every event, and phones whose estimate moved are told.
     */
    private void forecastArrived(String siteId) {
        SiteChannel channel = channels.get(siteId);
        if (channel.hasSubscribers()) {
            List<QueueStats> changed = channel.changedLines(boards.get(siteId).queues(clock.instant()));
            if (!changed.isEmpty()) {
                broadcastNumbered(siteId, "queues.updated", new JsonObject().put("queues", messages.lines(changed)));
            }
        }
        tellWatchers(watch -> watch.ticket.siteId().equals(siteId));
    }

    private void load(BoardState state) {
        boards.forEach((siteId, board) -> board.load(state.counters(), state.activeTickets(),
                state.recentCalls().getOrDefault(siteId, List.of())));
    }

    // ---- balancing (issue 10): notices, announcements and word to moved tickets' holders ----------

    /** Shows a notice on its sites' displays and kiosks at once (an event in each site's sequence), until its end. */
    public void showNotice(Notice notice) {
        context.runOnContext(v -> {
            if (notices.containsKey(notice.id()) || !clock.instant().isBefore(notice.endsAt())) {
                return;
            }
            notices.put(notice.id(), notice);
            notice.siteIds().forEach(siteId -> broadcastNumbered(siteId, "notice.posted",
                    new JsonObject().put("notice", messages.notice(notice))));
            long delay = Math.max(1, java.time.Duration.between(clock.instant(), notice.endsAt()).toMillis());
            vertx.setTimer(delay, id -> endNoticesDue());
        });
    }

    /**
     * Sends a site's displays a message of their own (such as tickets about to leave for the other site),
     * numbered in the site's sequence like every event.
     */
    public void announce(String siteId, String type, JsonObject body) {
        context.runOnContext(v -> broadcastNumbered(siteId, type, body));
    }

    /** Sends a message to the phones following a ticket, after everything already delivered. */
    public void tellHolder(UUID ticketId, JsonObject message) {
        context.runOnContext(v -> {
            TicketWatch watch = watches.get(ticketId);
            if (watch != null) {
                EncodedMessage text = encode(message.encode());
                watch.watchers.forEach(w -> w.context().runOnContext(x -> w.send(text)));
            }
        });
    }

    /** Every hall as the estimator sees it now, with the running mean service times (for suggestions). */
    public Future<Halls> halls() {
        return ask(() -> {
            var now = clock.instant();
            Map<String, HallState> states = new LinkedHashMap<>();
            boards.forEach((siteId, board) -> states.put(siteId, board.hallState(now)));
            Map<String, java.time.Duration> means = new HashMap<>();
            catalogue.services().forEach(s -> means.put(s.id(), averages.mean(s.id())));
            return new Halls(states, means);
        });
    }

    /** @param means each service's running mean service time, as the boards estimate with it */
    public record Halls(Map<String, HallState> states, Map<String, java.time.Duration> means) {
    }

    private void broadcastNumbered(String siteId, String type, JsonObject body) {
        SiteChannel channel = channels.get(siteId);
        if (channel == null) {
            return;
        }
        JsonObject message = new JsonObject().put("type", type).put("siteId", siteId).put("seq", channel.next())
                .put("at", messages.time(clock.instant()));
        message.mergeIn(body);
        if (channel.hasSubscribers()) {
            channel.broadcast(encode(message.encode()));
        }
    }

    private void endNoticesDue() {
        var now = clock.instant();
        List<Notice> ended = notices.values().stream().filter(n -> !now.isBefore(n.endsAt())).toList();
        for (Notice notice : ended) {
            notices.remove(notice.id());
            notice.siteIds().forEach(siteId -> broadcastNumbered(siteId, "notice.ended",
                    new JsonObject().put("noticeId", notice.id().toString())));
        }
    }

    private String snapshotFor(String siteId) {
        var now = clock.instant();
        JsonArray shown = new JsonArray();
        notices.values().stream().filter(n -> n.shownAt(siteId, now)).forEach(n -> shown.add(messages.notice(n)));
        SiteBoard board = boards.get(siteId);
        SiteChannel channel = channels.get(siteId);
        return messages.snapshot(board, channel.linesForSnapshot(() -> board.queues(now)), channel.current(), now, shown);
    }

    /** Every live message is encoded here, once, and the same bytes go to all its subscribers. */
    private EncodedMessage encode(String message) {
        return EncodedMessage.of(message, fanOut);
    }

    private LocalDate today() {
        return ServiceDay.of(clock.instant(), catalogue.timeZone());
    }
}
