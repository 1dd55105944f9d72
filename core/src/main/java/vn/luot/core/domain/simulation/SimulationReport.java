package vn.luot.core.domain.simulation;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.estimate.WaitEstimate;

/**
 * Figures over many simulated days, per site and service and overall: tickets, mean and 90th-percentile
 * wait, share called within the target wait, counter utilisation, and how far the printed estimates were
 * from the waits that followed, for the {@link vn.luot.core.domain.estimate.HallEstimator} and the old
 * formula ({@link vn.luot.core.domain.estimate.BaselineWaitFormula}).
 *
 * <p>The accuracy counts the tickets that were called and had a number from both estimates; the
 * estimator's "not before closing" is counted apart, with how often it was right.
 */
public final class SimulationReport {
    /** One group of tickets (a site's service, or all). */
    public static final class Line {
        private double[] waits = new double[64];
        private int called;
        private int tickets;
        private int withinTarget;
        private int compared;
        private double newError;
        private double oldError;
        private int newWithin5;
        private int oldWithin5;
        private int notBeforeClosing;
        private int notBeforeClosingRight;

        void add(SimulatedTicket t, Duration target) {
            tickets++;
            WaitEstimate estimate = t.estimate();
            if (estimate != null && estimate.notBeforeClosing()) {
                notBeforeClosing++;
                if (!t.called()) {
                    notBeforeClosingRight++;
                }
            }
            if (!t.called()) {
                return;
            }
            double wait = t.actualWait().toMillis() / 60_000.0;
            if (called == waits.length) {
                waits = Arrays.copyOf(waits, called * 2);
            }
            waits[called++] = wait;
            if (t.actualWait().compareTo(target) <= 0) {
                withinTarget++;
            }
            Integer estimated = estimate == null ? null : estimate.minutes();
            if (estimated != null && t.baselineMinutes() != null) {
                compared++;
                double e = Math.abs(estimated - wait);
                double o = Math.abs(t.baselineMinutes() - wait);
                newError += e;
                oldError += o;
                newWithin5 += e <= 5 ? 1 : 0;
                oldWithin5 += o <= 5 ? 1 : 0;
            }
        }

        public int tickets() {
            return tickets;
        }

        public int called() {
            return called;
        }

        public double meanWaitMinutes() {
            double sum = 0;
            for (int i = 0; i < called; i++) {
                sum += waits[i];
            }
            return called == 0 ? 0 : sum / called;
        }

        public double p90WaitMinutes() {
            if (called == 0) {
                return 0;
            }
            double[] sorted = Arrays.copyOf(waits, called);
            Arrays.sort(sorted);
            return sorted[Math.min(called - 1, (int) Math.ceil(0.9 * called) - 1)];
        }

        /** Share of the called tickets called within the service's target wait. */
        public double shareWithinTarget() {
            return called == 0 ? 0 : (double) withinTarget / called;
        }

        public int compared() {
            return compared;
        }

        public double newMae() {
            return compared == 0 ? 0 : newError / compared;
        }

        public double oldMae() {
            return compared == 0 ? 0 : oldError / compared;
        }

        public double newWithin5() {
            return compared == 0 ? 0 : (double) newWithin5 / compared;
        }

        public double oldWithin5() {
            return compared == 0 ? 0 : (double) oldWithin5 / compared;
        }

        public int notBeforeClosing() {
            return notBeforeClosing;
        }

        public int notBeforeClosingRight() {
            return notBeforeClosingRight;
        }

        public int notCalled() {
            return tickets - called;
        }
    }

    private final Catalogue catalogue;
    private final Map<String, Map<String, Line>> bySite = new TreeMap<>();
    private final Map<String, Line> byService = new LinkedHashMap<>();
    private final Line overall = new Line();
    private final Map<String, long[]> counterTime = new TreeMap<>();
    private int days;

    public SimulationReport(Catalogue catalogue) {
        this.catalogue = catalogue;
        catalogue.services().forEach(s -> byService.put(s.id(), new Line()));
    }

    public void add(SimulatedDay day) {
        days++;
        for (SimulatedTicket t : day.tickets()) {
            Duration target = catalogue.service(t.serviceId()).targetWait();
            bySite.computeIfAbsent(t.siteId(), id -> new LinkedHashMap<>())
                    .computeIfAbsent(t.serviceId(), id -> new Line()).add(t, target);
            byService.get(t.serviceId()).add(t, target);
            overall.add(t, target);
        }
        day.busyMillis().forEach((site, busy) -> {
            long[] time = counterTime.computeIfAbsent(site, id -> new long[2]);
            time[0] += busy;
            time[1] += day.availableMillis().getOrDefault(site, 0L);
        });
    }

    public int days() {
        return days;
    }

    public Line overall() {
        return overall;
    }

    /** Per site, per service in the order first seen. */
    public Map<String, Map<String, Line>> bySite() {
        return bySite;
    }

    /** Per service over both sites, in the catalogue's order. */
    public Map<String, Line> byService() {
        return byService;
    }

    /** Share of the counters' open time spent with citizens, per site. */
    public double utilisation(String siteId) {
        long[] time = counterTime.get(siteId);
        return time == null || time[1] == 0 ? 0 : (double) time[0] / time[1];
    }
}
