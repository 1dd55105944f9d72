package vn.luot.core.balancing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.Actor;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.balancing.SuggestionRules;
import vn.luot.core.domain.balancing.SuggestionRules.MoveNewest;
import vn.luot.core.domain.balancing.SuggestionRules.ServeAlso;
import vn.luot.core.domain.balancing.SuggestionRules.Suggestion;
import vn.luot.core.domain.calling.CallPolicy;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.estimate.HallEstimator;
import vn.luot.core.i18n.Sentences;
import vn.luot.core.live.LiveHub;
import vn.luot.core.store.BalancingStore;
import vn.luot.core.store.Command;

/**
 * {@code GET /api/v1/suggestions} and accepting one: the {@link SuggestionRules} on the halls as they
 * are now, and the action of an accepted suggestion done in one step by {@link BalancingService}.
 */
public final class Suggestions {
    private final Catalogue catalogue;
    private final SuggestionRules rules;
    private final LiveHub hub;
    private final BalancingService balancing;
    private final BalancingStore store;
    private final io.vertx.core.Vertx vertx;

    public Suggestions(LuotConfig config, LiveHub hub, BalancingService balancing, BalancingStore store,
                       io.vertx.core.Vertx vertx) {
        this.vertx = vertx;
        this.catalogue = config.catalogue();
        CallPolicy policy = new CallPolicy(config.queue().maxPriorityCallsInRow(), config.booking().calledAtTheirSlot());
        HallEstimator estimator = new HallEstimator(policy,
                serviceId -> catalogue.service(serviceId).targetWait());
        this.rules = new SuggestionRules(estimator, serviceId -> catalogue.service(serviceId).targetWait(),
                config.balancing().travel(), 20);
        this.hub = hub;
        this.balancing = balancing;
        this.store = store;
    }

    /** The rules play the halls forward many times over: off the event loop, on a worker thread. */
    public Future<List<Suggestion>> now() {
        return hub.halls().compose(halls -> vertx.executeBlocking(() -> {
            List<SuggestionRules.SiteHall> sites = new ArrayList<>();
            catalogue.sites().forEach(site -> sites.add(new SuggestionRules.SiteHall(site,
                    halls.states().get(site.id()))));
            return rules.suggest(sites, serviceId -> halls.means().getOrDefault(serviceId, java.time.Duration.ZERO));
        }));
    }

    /**
     * Applies the suggestion with this id if it is still what the rules suggest; a retry under the same
     * key answers what the first did. 404 for an id that no rule makes, 409 with the reason when the hall
     * has changed.
     */
    public Future<JsonObject> accept(String id, Actor actor, String idempotencyKey) {
        String scope = "suggestion:" + id;
        Command command = new Command(idempotencyKey, scope, scope);
        if (!id.matches("serve:\\d+:[a-z0-9-]+|move:[a-z0-9-]+:[a-z0-9-]+:[a-z0-9-]+")) {
            throw new QueueException(Problem.SUGGESTION_NOT_FOUND, id);
        }
        Future<Optional<JsonObject>> earlier = idempotencyKey == null
                ? Future.succeededFuture(Optional.empty()) : store.earlierAnswer(command);
        return earlier.compose(done -> done.isPresent() ? Future.succeededFuture(done.get())
                : now().compose(found -> {
                    Suggestion suggestion = found.stream().filter(s -> s.id().equals(id)).findFirst()
                            .orElseThrow(() -> new QueueException(Problem.SUGGESTION_NO_LONGER_VALID, whyGone(id, found)));
                    return apply(suggestion, actor, command);
                }));
    }

    private Future<JsonObject> apply(Suggestion suggestion, Actor actor, Command command) {
        if (suggestion.action() instanceof ServeAlso serve) {
            return balancing.changeServices(serve.counterId(), actor, command, serve.servicesAfter())
                    .map(BalancingStore.CounterOutcome::answer);
        }
        MoveNewest move = (MoveNewest) suggestion.action();
        return balancing.moveTickets(move.fromSiteId(), actor, command,
                        new BalancingService.MoveRequest(move.toSiteId(), move.ticketIds(), null, null))
                .map(BalancingStore.MoveOutcome::answer);
    }

    private LocalizedText whyGone(String id, List<Suggestion> found) {
        String[] parts = id.split(":");
        String serviceId = parts[0].equals("serve") ? parts[2] : parts[2];
        String siteId = parts[0].equals("serve")
                ? catalogue.findCounter(Integer.parseInt(parts[1])).map(c -> c.siteId()).orElse(null) : parts[1];
        boolean stillOver = found.stream().anyMatch(s -> s.effects().get(0).serviceId().equals(serviceId)
                && s.effects().get(0).siteId().equals(siteId));
        if (!stillOver && siteId != null && catalogue.findSite(siteId).isPresent()) {
            return Sentences.both("suggestion.gone.within_target", nameOfService(serviceId),
                    catalogue.site(siteId).name());
        }
        return Sentences.both("suggestion.gone.hall_changed");
    }

    private LocalizedText nameOfService(String serviceId) {
        return catalogue.services().stream().filter(s -> s.id().equals(serviceId)).findFirst()
                .map(s -> s.name()).orElse(new LocalizedText(serviceId, serviceId));
    }

    /** A suggestion as the console shows it, with its title in both languages. */
    public JsonObject json(Suggestion s) {
        JsonArray effects = new JsonArray();
        s.effects().forEach(e -> effects.add(new JsonObject().put("siteId", e.siteId()).put("serviceId", e.serviceId())
                .put("minutesBefore", e.minutesBefore()).put("minutesAfter", e.minutesAfter())));
        JsonObject json = new JsonObject().put("id", s.id()).put("minutesSaved", s.minutesSaved()).put("effects", effects);
        LocalizedText title;
        if (s.action() instanceof ServeAlso serve) {
            var line = s.effects().get(0);
            json.put("kind", "serve_also").put("siteId", serve.siteId()).put("counterId", serve.counterId())
                    .put("serviceId", serve.serviceId()).put("servicesAfter", new JsonArray(serve.servicesAfter()));
            title = both("suggestion.serve_also", serve.counterId(), nameOfService(serve.serviceId()),
                    line.minutesBefore(), line.minutesAfter());
        } else {
            MoveNewest move = (MoveNewest) s.action();
            var here = s.effects().get(0);
            var there = s.effects().get(1);
            json.put("kind", "move_newest").put("siteId", move.fromSiteId()).put("toSiteId", move.toSiteId())
                    .put("serviceId", move.serviceId()).put("count", move.count());
            title = both("suggestion.move_newest", move.count(), nameOfService(move.serviceId()),
                    catalogue.site(move.toSiteId()).name(), here.minutesBefore(), here.minutesAfter(),
                    catalogue.site(move.fromSiteId()).name(), there.minutesBefore(), there.minutesAfter());
        }
        return json.put("title", new JsonObject().put("vi", title.vi()).put("en", title.en()));
    }

    /** A sentence whose missing minutes (no counter) are said in words. */
    private static LocalizedText both(String key, Object... arguments) {
        LocalizedText none = Sentences.both("suggestion.no_estimate");
        Object[] vi = arguments.clone();
        Object[] en = arguments.clone();
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] == null) {
                vi[i] = none.vi();
                en[i] = none.en();
            }
        }
        return new LocalizedText(Sentences.both(key, vi).vi(), Sentences.both(key, en).en());
    }
}
