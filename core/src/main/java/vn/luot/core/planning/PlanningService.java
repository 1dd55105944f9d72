package vn.luot.core.planning;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.simulation.CapacityPlanner;
import vn.luot.core.domain.simulation.DaySimulator;

/**
 * The capacity plan for a date, for managers ({@code GET /api/v1/plan}). Planning simulates many days, so it
 * runs on a worker thread, never on an event loop, and each date's plan is kept: the same configuration
 * and seed give the same plan.
 */
public final class PlanningService {
    /** Days simulated to check a plan: enough for stable shares, a few seconds of one core. */
    static final int DAYS = 30;
    private static final long SEED = 1;
    private static final int PLANS_KEPT = 14;

    private final Vertx vertx;
    private final LuotConfig config;
    private final Map<LocalDate, Future<CapacityPlanner.Plan>> plans = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, Future<CapacityPlanner.Plan>> eldest) {
            return size() > PLANS_KEPT;
        }
    };

    public PlanningService(Vertx vertx, LuotConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    public synchronized Future<CapacityPlanner.Plan> plan(LocalDate date) {
        Future<CapacityPlanner.Plan> known = plans.get(date);
        if (known != null && !known.failed()) {
            return known;
        }
        Future<CapacityPlanner.Plan> plan = vertx.executeBlocking(() -> planner().plan(date, DAYS, SEED), false);
        plans.put(date, plan);
        return plan;
    }

    private CapacityPlanner planner() {
        return new CapacityPlanner(new DaySimulator(config.catalogue(), config.simulation(),
                config.queue().issuingHours(), config.queue().maxPriorityCallsInRow(),
                config.queue().serviceTimeSmoothing(), config.queue().serviceTimeLogSmoothing()));
    }
}
