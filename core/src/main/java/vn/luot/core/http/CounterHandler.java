package vn.luot.core.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import vn.luot.core.domain.Actor;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.counter.DeskChange;
import vn.luot.core.domain.counter.TransferTarget;
import vn.luot.core.json.JsonViews;
import vn.luot.core.queue.CallTarget;
import vn.luot.core.queue.QueueService;
import vn.luot.core.store.Command;

/**
 * Staff routes for working a counter. Actions on a ticket answer with the ticket and its counter;
 * actions on the counter answer with the counter. Every action accepts an {@code Idempotency-Key}, and
 * actions on the current ticket accept {@code ticketId} to make sure they act on the ticket staff see.
 */
public final class CounterHandler {
    private final QueueService queue;
    private final JsonViews views;

    public CounterHandler(QueueService queue, JsonViews views) {
        this.queue = queue;
        this.views = views;
    }

    public void list(RoutingContext ctx) {
        String site = ctx.queryParams().get("siteId");
        queue.counters().onSuccess(counters -> {
            JsonArray items = new JsonArray();
            counters.stream().filter(c -> site == null || c.siteId().equals(site))
                    .forEach(c -> items.add(views.counter(c, null)));
            Replies.ok(ctx, new JsonObject().put("counters", items));
        }).onFailure(ctx::fail);
    }

    /** {@code GET /api/v1/counter-actions}: the counter actions mode by mode, as the rules have them. */
    public void actions(RoutingContext ctx) {
        Replies.ok(ctx, views.counterActions());
    }

    /**
     * One counter; its ticket is looked up so that the view says what is allowed now, but this public
     * route shows no more of the ticket than before (its id), since a desk note is the staff's.
     */
    public void get(RoutingContext ctx) {
        queue.counter(counterId(ctx))
                .compose(c -> c.hasCurrentTicket()
                        ? queue.ticket(c.currentTicketId()).map(view -> views.counter(c, view.ticket()).putNull("current"))
                        : io.vertx.core.Future.succeededFuture(views.counter(c, null)))
                .onSuccess(json -> Replies.ok(ctx, json))
                .onFailure(ctx::fail);
    }

    public void open(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx);
        int id = counterId(ctx);
        reply(ctx, queue.open(id, StaffAuth.actor(ctx), command(ctx, id, "open", body), body.requiredTextList("services")));
    }

    public void pause(RoutingContext ctx) {
        onCounter(ctx, "pause", queue::pause);
    }

    public void resume(RoutingContext ctx) {
        onCounter(ctx, "resume", queue::resume);
    }

    public void close(RoutingContext ctx) {
        onCounter(ctx, "close", queue::close);
    }

    /** Answers with the called ticket, or 204 when nobody is waiting. */
    public void callNext(RoutingContext ctx) {
        int id = counterId(ctx);
        queue.callNext(id, StaffAuth.actor(ctx), command(ctx, id, "call-next", RequestBody.of(ctx)))
                .onSuccess(called -> called.ifPresentOrElse(change -> Replies.ok(ctx, json(change)),
                        () -> Replies.noContent(ctx)))
                .onFailure(ctx::fail);
    }

    /** Calls a ticket out of order, by {@code ticketId} or by {@code number}. */
    public void call(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx);
        int id = counterId(ctx);
        CallTarget target = new CallTarget(body.optionalTicketId("ticketId"), body.optionalText("number"));
        if (target.ticketId() == null && target.number() == null) {
            throw new QueueException(Problem.INVALID_FIELD, "ticketId", FieldRule.ONE_OF_TICKET_ID_OR_NUMBER);
        }
        reply(ctx, queue.call(id, StaffAuth.actor(ctx), command(ctx, id, "call", body), target));
    }

    public void recall(RoutingContext ctx) {
        onCurrentTicket(ctx, "recall", queue::recall);
    }

    public void start(RoutingContext ctx) {
        onCurrentTicket(ctx, "start", queue::startServing);
    }

    public void complete(RoutingContext ctx) {
        onCurrentTicket(ctx, "complete", queue::complete);
    }

    public void noShow(RoutingContext ctx) {
        onCurrentTicket(ctx, "no-show", queue::noShow);
    }

    public void returnToQueue(RoutingContext ctx) {
        onCurrentTicket(ctx, "return", queue::returnToQueue);
    }

    public void transfer(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx);
        int id = counterId(ctx);
        TransferTarget target = new TransferTarget(body.optionalText("siteId"), body.optionalText("serviceId"),
                body.optionalInteger("counterId"));
        reply(ctx, queue.transfer(id, StaffAuth.actor(ctx), command(ctx, id, "transfer", body), expected(body),
                target, body.optionalText("note")));
    }

    /** An action on the counter itself. */
    private interface CounterAction {
        Future<DeskChange> apply(int counterId, Actor actor, Command command);
    }

    /** An action on the counter's current ticket, guarded by the optional {@code ticketId} staff see. */
    private interface CurrentTicketAction {
        Future<DeskChange> apply(int counterId, Actor actor, Command command, UUID expectedTicket);
    }

    private void onCounter(RoutingContext ctx, String name, CounterAction action) {
        int id = counterId(ctx);
        reply(ctx, action.apply(id, StaffAuth.actor(ctx), command(ctx, id, name, RequestBody.of(ctx))));
    }

    private void onCurrentTicket(RoutingContext ctx, String name, CurrentTicketAction action) {
        RequestBody body = RequestBody.of(ctx);
        int id = counterId(ctx);
        reply(ctx, action.apply(id, StaffAuth.actor(ctx), command(ctx, id, name, body), expected(body)));
    }

    private void reply(RoutingContext ctx, Future<DeskChange> change) {
        change.onSuccess(c -> Replies.ok(ctx, json(c))).onFailure(ctx::fail);
    }

    /** A ticket action answers with the ticket (and its counter); a counter action with the counter. */
    private JsonObject json(DeskChange change) {
        JsonObject counter = views.counter(change.counter(),
                change.ticket() != null && change.ticket().id().equals(change.counter().currentTicketId())
                        ? change.ticket() : null);
        if (change.ticket() == null) {
            return counter.put("event", change.event().wireName());
        }
        // Staff answers: the desk's note goes to the counter that serves the citizen, nowhere public.
        return views.ticket(change.ticket())
                .put("note", change.ticket().note())
                .put("event", change.event().wireName())
                .put("counter", counter);
    }

    private static UUID expected(RequestBody body) {
        return body.optionalTicketId("ticketId");
    }

    private static Command command(RoutingContext ctx, int counterId, String action, RequestBody body) {
        return Idempotency.command(ctx, counterId, action, body);
    }

    private static int counterId(RoutingContext ctx) {
        String raw = ctx.pathParam("counterId");
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new QueueException(Problem.COUNTER_NOT_FOUND, raw);
        }
    }
}
