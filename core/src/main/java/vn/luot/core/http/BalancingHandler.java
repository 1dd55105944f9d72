package vn.luot.core.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Locale;
import vn.luot.core.balancing.Recommendations;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.json.JsonViews;

/** Balancing the sites: {@code GET /api/v1/recommendation} (public). */
public final class BalancingHandler {
    private final Recommendations recommendations;
    private final Catalogue catalogue;
    private final JsonViews views;
    private final Clock clock;

    public BalancingHandler(Recommendations recommendations, Catalogue catalogue, JsonViews views, Clock clock) {
        this.recommendations = recommendations;
        this.catalogue = catalogue;
        this.views = views;
        this.clock = clock;
    }

    /** Which site to take a number at for a service, from where the citizen is (optional). */
    public void recommendation(RoutingContext ctx) {
        String serviceId = ctx.queryParams().get("serviceId");
        String from = ctx.queryParams().get("from");
        recommendations.recommend(serviceId, from).onSuccess(answer -> {
            JsonArray sites = new JsonArray();
            answer.options().forEach(o -> sites.add(new JsonObject()
                    .put("siteId", o.siteId())
                    .put("name", text(catalogue.site(o.siteId()).name()))
                    .put("waiting", o.line().waiting())
                    .put("countersOpen", o.line().countersOpen())
                    .put("estimatedWaitMinutes", o.line().waitMinutes())
                    .put("travelMinutes", o.travelMinutes())
                    .put("totalMinutes", o.totalMinutes())));
            Replies.ok(ctx, new JsonObject()
                    .put("serviceId", serviceId)
                    .put("from", from)
                    .put("at", views.time(clock.instant()))
                    .put("sites", sites)
                    .put("recommendedSiteId", answer.recommendedSiteId())
                    .put("verdict", answer.verdict().name().toLowerCase(Locale.ROOT))
                    .put("minutesSaved", answer.minutesSaved())
                    .put("reason", text(recommendations.reason(answer))));
        }).onFailure(ctx::fail);
    }

    static JsonObject text(LocalizedText text) {
        return new JsonObject().put("vi", text.vi()).put("en", text.en());
    }
}
