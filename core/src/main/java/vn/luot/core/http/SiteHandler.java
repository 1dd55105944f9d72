package vn.luot.core.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.Locale;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.CounterDefinition;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.json.JsonViews;
import vn.luot.core.standings.Standings;

/** Public routes that describe the centre and its queues, for displays, kiosks and phones. */
public final class SiteHandler {
    private final Catalogue catalogue;
    private final LuotConfig.Announcements announcements;
    private final Standings standings;
    private final JsonViews views;
    private final Clock clock;

    public SiteHandler(LuotConfig config, Standings standings, JsonViews views, Clock clock) {
        this.catalogue = config.catalogue();
        this.announcements = config.announcements();
        this.standings = standings;
        this.views = views;
        this.clock = clock;
    }

    public void list(RoutingContext ctx) {
        JsonArray sites = new JsonArray();
        catalogue.sites().forEach(site -> sites.add(site(site)));
        Replies.ok(ctx, new JsonObject()
                .put("centre", new JsonObject().put("id", catalogue.centreId()).put("name", name(catalogue.centreName())))
                .put("timeZone", catalogue.timeZone().getId())
                .put("announcements", new JsonObject()
                        .put("firstCallRepeats", announcements.firstCallRepeats())
                        .put("recallRepeats", announcements.recallRepeats())
                        .put("recentCallsShown", announcements.recentCallsShown()))
                .put("sites", sites));
    }

    public void get(RoutingContext ctx) {
        Replies.ok(ctx, site(site(ctx)));
    }

    /** Per service: how many wait, since when, and what a ticket taken now would wait. */
    public void queues(RoutingContext ctx) {
        SiteDefinition site = site(ctx);
        standings.queues(site.id()).onSuccess(stats -> {
            JsonArray queues = new JsonArray();
            var now = clock.instant();
            stats.forEach(q -> queues.add(views.queue(q, now)));
            Replies.ok(ctx, new JsonObject().put("siteId", site.id()).put("at", views.time(now))
                    .put("queues", queues));
        }).onFailure(ctx::fail);
    }

    public void services(RoutingContext ctx) {
        JsonArray services = new JsonArray();
        catalogue.services().forEach(s -> services.add(new JsonObject()
                .put("id", s.id())
                .put("prefix", s.prefix())
                .put("name", name(s.name()))
                .put("meanServiceMinutes", s.meanServiceTime().toMinutes())
                .put("targetWaitMinutes", s.targetWait().toMinutes())
                .put("shareOfArrivals", s.shareOfArrivals())));
        JsonArray groups = new JsonArray();
        catalogue.priorityGroups().forEach(g -> groups.add(new JsonObject().put("id", g.id()).put("name", name(g.name()))));
        Replies.ok(ctx, new JsonObject().put("services", services).put("priorityGroups", groups));
    }

    private JsonObject site(SiteDefinition site) {
        JsonObject hours = new JsonObject();
        for (DayOfWeek day : DayOfWeek.values()) {
            JsonArray periods = new JsonArray();
            site.openingHours().on(day).forEach(p -> periods.add(p.toString()));
            hours.put(day.name().substring(0, 3).toLowerCase(Locale.ROOT), periods);
        }
        JsonArray counters = new JsonArray();
        site.counters().stream().map(CounterDefinition::id).forEach(counters::add);
        return new JsonObject()
                .put("id", site.id())
                .put("name", name(site.name()))
                .put("services", new JsonArray(site.serviceIds()))
                .put("counters", counters)
                .put("openingHours", hours)
                .put("openNow", site.openingHours().isOpenAt(clock.instant().atZone(catalogue.timeZone())));
    }

    private SiteDefinition site(RoutingContext ctx) {
        String id = ctx.pathParam("siteId");
        return catalogue.findSite(id).orElseThrow(() -> new QueueException(Problem.SITE_NOT_FOUND, id));
    }

    private static JsonObject name(LocalizedText text) {
        return new JsonObject().put("vi", text.vi()).put("en", text.en());
    }
}
