package vn.luot.core.http;

import io.vertx.ext.web.RoutingContext;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.json.StaffViews;
import vn.luot.core.workstation.StaffLookup;

/** Staff routes behind the counter workstation and the guidance desk: ticket details, lookups, figures. */
public final class WorkstationHandler {
    private final StaffLookup lookup;
    private final StaffViews views;

    public WorkstationHandler(StaffLookup lookup, StaffViews views) {
        this.lookup = lookup;
        this.views = views;
    }

    /** {@code GET /api/v1/tickets/{id}/details}: with its booking, for the counter's screen. */
    public void details(RoutingContext ctx) {
        lookup.details(TicketHandler.ticketId(ctx))
                .onSuccess(d -> Replies.ok(ctx, views.details(d)))
                .onFailure(ctx::fail);
    }

    /** {@code GET /api/v1/tickets?number=A017}: today's ticket with that number. */
    public void byNumber(RoutingContext ctx) {
        String number = ctx.queryParams().get("number");
        if (number == null || number.isBlank()) {
            throw new QueueException(Problem.INVALID_FIELD, "number", FieldRule.REQUIRED);
        }
        lookup.byNumber(number)
                .onSuccess(d -> Replies.ok(ctx, views.details(d)))
                .onFailure(ctx::fail);
    }

    /** {@code GET /api/v1/counters/{id}/stats}: tickets served today and their mean service time. */
    public void counterToday(RoutingContext ctx) {
        int counterId = counterId(ctx);
        lookup.counterToday(counterId)
                .onSuccess(day -> Replies.ok(ctx, views.counterDay(counterId, lookup.today(), day)))
                .onFailure(ctx::fail);
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
