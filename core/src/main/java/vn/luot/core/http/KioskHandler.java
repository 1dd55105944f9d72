package vn.luot.core.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.board.QueueStats;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.domain.estimate.ServiceComparison;
import vn.luot.core.json.JsonViews;
import vn.luot.core.standings.Standings;
import vn.luot.core.queue.IssuingService;

/**
 * {@code GET /api/v1/kiosk/{siteId}}: what a ticket kiosk shows. For each service of its site, the line
 * here and at the other sites, and whether another site is much faster; and how long to show a number.
 */
public final class KioskHandler {
    private final Catalogue catalogue;
    private final LuotConfig.Kiosk kiosk;
    private final Standings standings;
    private final LuotConfig.Balancing balancing;
    private final JsonViews views;
    private final Clock clock;
    private final IssuingService issuing;

    public KioskHandler(LuotConfig config, Standings standings, JsonViews views, Clock clock, IssuingService issuing) {
        this.issuing = issuing;
        this.catalogue = config.catalogue();
        this.kiosk = config.kiosk();
        this.standings = standings;
        this.balancing = config.balancing();
        this.views = views;
        this.clock = clock;
    }

    public void get(RoutingContext ctx) {
        String siteId = ctx.pathParam("siteId");
        SiteDefinition site = catalogue.findSite(siteId)
                .orElseThrow(() -> new QueueException(Problem.SITE_NOT_FOUND, siteId));
        List<Future<List<QueueStats>>> asked = new ArrayList<>();
        catalogue.sites().forEach(s -> asked.add(standings.queues(s.id())));
        Future<IssuingService.Status> open = issuing.status(site.id());
        Future.all(Future.all(asked), open).onSuccess(done -> {
            Map<String, List<QueueStats>> queues = new HashMap<>();
            for (int i = 0; i < asked.size(); i++) {
                queues.put(catalogue.sites().get(i).id(), asked.get(i).result());
            }
            JsonArray services = new JsonArray();
            for (ServiceComparison.Choice choice : ServiceComparison.of(catalogue, site.id(), queues,
                    balancing.recommendation(), balancing.travel())) {
                JsonArray elsewhere = new JsonArray();
                choice.elsewhere().forEach(e -> elsewhere.add(views.queue(e.queue()).put("siteId", e.siteId())
                        .put("muchFaster", e.muchFaster()).put("travelMinutes", e.travelMinutes())
                        .put("minutesSaved", e.minutesSaved())));
                services.add(new JsonObject().put("serviceId", choice.serviceId())
                        .put("here", views.queue(choice.here()))
                        .put("elsewhere", elsewhere)
                        .put("elsewhereMuchFaster", choice.elsewhereMuchFaster()));
            }
            Replies.ok(ctx, new JsonObject()
                    .put("siteId", site.id())
                    .put("at", views.time(clock.instant()))
                    .put("numberShownSeconds", kiosk.numberShown().toSeconds())
                    .put("numberShownWhenPrinterOutSeconds", kiosk.numberShownPrinterOut().toSeconds())
                    .put("otherSiteMuchFaster", new JsonObject()
                            .put("minMinutesSaved", balancing.recommendation().minMinutesSaved())
                            .put("maxShareOfWait", balancing.recommendation().maxShareOfWait()))
                    .put("issuing", IssuingHandler.json(open.result(), views))
                    .put("services", services));
        }).onFailure(ctx::fail);
    }
}
