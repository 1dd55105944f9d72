package vn.luot.core.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.ZonedDateTime;
import vn.luot.core.domain.ticket.IssuingHours;
import vn.luot.core.json.JsonViews;
import vn.luot.core.queue.IssuingService;

/**
 * {@code GET /api/v1/sites/{siteId}/issuing}: whether the site gives out numbers now and when that
 * changes; {@code PUT /api/v1/sites/{siteId}/after-hours} (managers): allow the site's guidance desk to
 * give out numbers outside opening hours today, or withdraw it.
 */
public final class IssuingHandler {
    private final IssuingService issuing;
    private final JsonViews views;

    public IssuingHandler(IssuingService issuing, JsonViews views) {
        this.issuing = issuing;
        this.views = views;
    }

    public void status(RoutingContext ctx) {
        issuing.status(ctx.pathParam("siteId")).onSuccess(status -> Replies.ok(ctx, json(status, views)))
                .onFailure(ctx::fail);
    }

    public void setAfterHours(RoutingContext ctx) {
        boolean allowed = RequestBody.of(ctx).requiredBoolean("allowed");
        issuing.allowDesk(ctx.pathParam("siteId"), allowed, StaffAuth.actor(ctx))
                .onSuccess(status -> Replies.ok(ctx, json(status, views)))
                .onFailure(ctx::fail);
    }

    /** The status as the kiosk and the desk read it. */
    static JsonObject json(IssuingService.Status status, JsonViews views) {
        IssuingHours.Window w = status.window();
        return new JsonObject()
                .put("siteId", status.siteId())
                .put("open", w.open())
                .put("closesAt", time(w.closesAt(), views))
                .put("opensAt", time(w.opensAt(), views))
                .put("issuingFrom", time(w.issuingFrom(), views))
                .put("deskAfterHoursAllowed", status.deskAllowed());
    }

    private static String time(ZonedDateTime moment, JsonViews views) {
        return moment == null ? null : views.time(moment.toInstant());
    }
}
