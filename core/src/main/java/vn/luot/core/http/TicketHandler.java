package vn.luot.core.http;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.ticket.Channel;
import vn.luot.core.domain.ticket.TicketRequest;
import vn.luot.core.json.JsonViews;
import vn.luot.core.queue.QueueService;
import vn.luot.core.queue.TicketView;

/** Citizens' ticket routes: take a ticket, look at it, give it up. Public: no login. */
public final class TicketHandler {
    private final QueueService queue;
    private final JsonViews views;

    public TicketHandler(QueueService queue, JsonViews views) {
        this.queue = queue;
        this.views = views;
    }

    /** {@code POST /api/v1/tickets}: this is where a ticket is issued. */
    public void issue(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx);
        String channelName = body.optionalText("channel");
        Channel channel = channelName == null ? Channel.KIOSK : Channel.fromWire(channelName)
                .orElseThrow(() -> new QueueException(Problem.UNKNOWN_CHANNEL, channelName));
        String phone = body.optionalText("phone");
        if (phone != null && !TicketRequest.PHONE.matcher(phone).matches()) {
            throw new QueueException(Problem.INVALID_FIELD, "phone", FieldRule.PHONE);
        }
        TicketRequest request = new TicketRequest(body.requiredText("siteId"), body.requiredText("serviceId"),
                body.optionalText("priority"), channel, body.optionalText("printerId"), body.optionalText("note"),
                phone);
        queue.issue(request, Idempotency.key(ctx), StaffAuth.actor(ctx))
                .onSuccess(view -> {
                    ctx.response().putHeader("Location", "/api/v1/tickets/" + view.ticket().id());
                    if (view.replayed()) {
                        ctx.response().putHeader("Idempotent-Replayed", "true");
                    }
                    Replies.json(ctx, 201, json(view));
                })
                .onFailure(ctx::fail);
    }

    public void get(RoutingContext ctx) {
        queue.ticket(ticketId(ctx)).onSuccess(view -> Replies.ok(ctx, json(view))).onFailure(ctx::fail);
    }

    public void cancel(RoutingContext ctx) {
        queue.cancel(ticketId(ctx)).onSuccess(view -> Replies.ok(ctx, json(view))).onFailure(ctx::fail);
    }

    /** {@code GET /t/{id}}: the short link printed in the ticket's QR code opens the tracking page. */
    public void track(RoutingContext ctx) {
        UUID id = ticketId(ctx);
        ctx.redirect("/track/?ticket=" + id);
    }

    private io.vertx.core.json.JsonObject json(TicketView view) {
        return views.ticket(view.ticket(), view.standing());
    }

    static UUID ticketId(RoutingContext ctx) {
        String raw = ctx.pathParam("ticketId");
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new QueueException(Problem.TICKET_NOT_FOUND, raw);
        }
    }

}
