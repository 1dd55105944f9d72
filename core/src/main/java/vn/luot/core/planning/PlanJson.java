package vn.luot.core.planning;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.luot.core.domain.simulation.CapacityPlanner;

/** The capacity plan as JSON, for the API and {@code scripts/simulate --plan --json}. */
public final class PlanJson {
    private PlanJson() {
    }

    public static JsonObject of(CapacityPlanner.Plan plan) {
        JsonArray cells = new JsonArray();
        plan.cells().forEach(c -> cells.add(new JsonObject()
                .put("siteId", c.siteId()).put("hour", c.hour()).put("serviceId", c.serviceId())
                .put("arrivalsPerHour", round(c.arrivalsPerHour(), 2))
                .put("erlangs", round(c.erlangs(), 2))
                .put("erlangCCounters", c.erlangCounters())
                .put("erlangCShareWithinTarget", round(c.erlangShareWithinTarget(), 3))
                .put("counters", c.counters())
                .put("simulatedShareWithinTarget", round(c.simulatedShareWithinTarget(), 3))
                .put("simulatedMeanWaitMinutes", round(c.simulatedMeanWaitMinutes(), 1))));
        JsonArray pooled = new JsonArray();
        plan.pooled().forEach(p -> pooled.add(new JsonObject().put("siteId", p.siteId()).put("hour", p.hour())
                .put("erlangs", round(p.erlangs(), 2)).put("erlangCCounters", p.erlangCounters())
                .put("erlangCShareWithinTarget", round(p.erlangShareWithinTarget(), 3))
                .put("counters", p.counters())
                .put("simulatedShareWithinTarget", round(p.simulatedShareWithinTarget(), 3))));
        JsonArray hours = new JsonArray();
        plan.hours().forEach(h -> hours.add(new JsonObject().put("hour", h.hour()).put("counters", h.counters())
                .put("staffAvailable", h.staffAvailable()).put("shortOfStaff", h.shortOfStaff())
                .put("shortBy", Math.max(0, h.counters() - h.staffAvailable()))
                .put("services", new JsonArray(h.shortServices()))));
        return new JsonObject().put("date", plan.date().toString())
                .put("dayOfWeek", plan.date().getDayOfWeek().toString())
                .put("simulatedDays", plan.days()).put("targetShareWithinWait", plan.targetShare())
                .put("services", cells).put("pooled", pooled).put("hours", hours);
    }

    public static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
