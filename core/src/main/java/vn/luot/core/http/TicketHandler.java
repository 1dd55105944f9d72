package vn.luot.core.http;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import vn.luot.core.auth.HolderSecrets;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.ticket.Channel;
import vn.luot.core.domain.ticket.TicketRequest;
import vn.luot.core.json.JsonViews;
import vn.luot.core.queue.QueueService;
import vn.luot.core.queue.TicketView;

/**
 * Citizens' ticket routes: take a ticket, look at it, give it up. No login; giving a ticket up needs
 * proof of holding it ({@link HolderSecrets}), or a staff token (the guidance desk acting for a citizen).
 */
public final class TicketHandler {
    private final QueueService queue;
    private final JsonViews views;
    private final HolderSecrets holderSecrets;

    public TicketHandler(QueueService queue, JsonViews views, HolderSecrets holderSecrets) {
        this.queue = queue;
        this.views = views;
        this.holderSecrets = holderSecrets;
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
                    Replies.json(ctx, 201, views.issuedTicket(view.ticket(), view.standing()));
                })
                .onFailure(ctx::fail);
    }

    public void get(RoutingContext ctx) {
        queue.ticket(ticketId(ctx)).onSuccess(view -> Replies.ok(ctx, json(view))).onFailure(ctx::fail);
    }

    public void cancel(RoutingContext ctx) {
        UUID id = ticketId(ctx);
        requireHolder(ctx, id);
        queue.cancel(id).onSuccess(view -> Replies.ok(ctx, json(view))).onFailure(ctx::fail);
    }

    /** Checked before the ticket is looked up, so a wrong guess says nothing about whether the ticket exists. */
    private void requireHolder(RoutingContext ctx, UUID id) {
        if (StaffAuth.actor(ctx) != null) {
            return;
        }
        String presented = ctx.request().getHeader(HolderSecrets.HEADER);
        if (presented == null || presented.isBlank()) {
            throw new QueueException(Problem.HOLDER_SECRET_MISSING);
        }
        if (!holderSecrets.holds(id, presented.trim())) {
            throw new QueueException(Problem.NOT_TICKET_HOLDER);
        }
    }

    /**
     * {@code GET /t/{id}?s={secret}}: the short link printed in the ticket's QR code opens the tracking
     * page, handing it the holder secret when the link carries a well-formed one.
     */
    public void track(RoutingContext ctx) {
        UUID id = ticketId(ctx);
        String secret = ctx.request().getParam("s");
        ctx.redirect("/track/?ticket=" + id
                + (secret != null && HolderSecrets.FORMAT.matcher(secret).matches() ? "&s=" + secret : ""));
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
