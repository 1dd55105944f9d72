package vn.luot.core.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.json.JsonViews;
import vn.luot.core.printing.PrinterService;
import vn.luot.core.printing.PrinterStatus;

/**
 * Printer routes: device tokens for bridges (admins), every printer's status with its queue of jobs
 * (managers), and one printer's state (public: the kiosk shows it).
 */
public final class PrinterHandler {
    private final PrinterService printers;
    private final JsonViews views;

    public PrinterHandler(PrinterService printers, JsonViews views) {
        this.printers = printers;
        this.views = views;
    }

    /** {@code POST /api/v1/printers/{id}/token}: the token is in this answer and nowhere else. */
    public void issueToken(RoutingContext ctx) {
        printers.issueToken(ctx.pathParam("printerId"), Idempotency.key(ctx))
                .onSuccess(issued -> Replies.json(ctx, 201, new JsonObject()
                        .put("printerId", issued.printerId())
                        .put("token", issued.token())
                        .put("issuedAt", views.time(issued.issuedAt()))))
                .onFailure(ctx::fail);
    }

    public void list(RoutingContext ctx) {
        printers.statuses().onSuccess(all -> {
            JsonArray items = new JsonArray();
            all.forEach(status -> items.add(detailed(status)));
            Replies.ok(ctx, new JsonObject().put("printers", items));
        }).onFailure(ctx::fail);
    }

    public void get(RoutingContext ctx) {
        printers.status(ctx.pathParam("printerId"))
                .onSuccess(status -> Replies.ok(ctx, summary(status)))
                .onFailure(ctx::fail);
    }

    private JsonObject summary(PrinterStatus status) {
        return new JsonObject()
                .put("id", status.printer().id())
                .put("siteId", status.printer().siteId())
                .put("name", name(status.printer().name()))
                .put("state", status.state().wireName())
                .put("prints", status.state().prints());
    }

    private JsonObject detailed(PrinterStatus status) {
        return summary(status)
                .put("bridgeConnected", status.record().connected())
                .put("reportedState", status.record().reportedState().wireName())
                .put("stateSince", views.time(status.record().stateSince()))
                .put("lastSeenAt", views.time(status.record().lastSeenAt()))
                .put("pendingJobs", status.record().pendingJobs())
                .put("oldestPendingSince", views.time(status.record().oldestPendingSince()))
                .put("tokenIssuedAt", views.time(status.record().tokenIssuedAt()));
    }

    private static JsonObject name(LocalizedText text) {
        return new JsonObject().put("vi", text.vi()).put("en", text.en());
    }
}
