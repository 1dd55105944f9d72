package vn.luot.core.http;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.planning.PlanJson;
import vn.luot.core.planning.PlanningService;

/** {@code GET /api/v1/plan?date=2026-11-26}: counters per site, service and hour, for managers. */
public final class PlanHandler {
    private final PlanningService planning;
    private final Clock clock;
    private final java.time.ZoneId zone;

    public PlanHandler(PlanningService planning, Clock clock, java.time.ZoneId zone) {
        this.planning = planning;
        this.clock = clock;
        this.zone = zone;
    }

    public void get(RoutingContext ctx) {
        String text = ctx.queryParams().get("date");
        LocalDate date;
        try {
            date = text == null || text.isBlank() ? LocalDate.now(clock.withZone(zone)) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new QueueException(Problem.INVALID_FIELD, "date", FieldRule.DATE);
        }
        planning.plan(date).onSuccess(plan -> Replies.ok(ctx, PlanJson.of(plan))).onFailure(ctx::fail);
    }
}
