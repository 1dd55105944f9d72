package vn.luot.core.domain.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import vn.luot.core.domain.report.CounterTime.OpenSpan;
import vn.luot.core.domain.report.Intervals.Span;
import vn.luot.core.domain.ticket.Channel;
import vn.luot.core.domain.ticket.TicketStatus;

/**
 * Computes a {@link Summary} from tickets and counter history lines fed one at a time, so a year of
 * tickets never has to sit in memory as rows: each group keeps counts and the durations it needs for
 * medians and percentiles. The definitions of the figures are in the report bundles; this class is
 * their formula.
 */
public final class ReportBuilder {
    /** The estimate counts as right when the actual wait is within this of it. */
    static final Duration ESTIMATE_TOLERANCE = Duration.ofMinutes(5);
    /** "Satisfied" is Hài lòng (3) or Rất hài lòng (4). */
    static final int SATISFIED_SCORE = 3;

    private final GroupBy groupBy;
    private final ZoneId zone;
    private final Function<String, Duration> targetWait;
    private final Instant until;
    private final Duration slotLength;
    private final Tally total;
    private final Map<String, Tally> groups = new TreeMap<>();
    private final Map<Integer, CounterTime> counters = new TreeMap<>();
    private final Map<String, List<Span>> waitingBySite = new HashMap<>();
    private final long[] arrivalsByHour = new long[24];

    /**
     * @param targetWait each service's target wait
     * @param until      the end of the range, or now if that is earlier: open spans and waits end there
     * @param slotLength the length of a booking slot: a booked citizen first called before its end was
     *                   called within their slot window
     */
    public ReportBuilder(GroupBy groupBy, ZoneId zone, Function<String, Duration> targetWait, Instant until,
                         Duration slotLength) {
        this.groupBy = groupBy;
        this.zone = zone;
        this.targetWait = targetWait;
        this.until = until;
        this.slotLength = slotLength;
        this.total = new Tally(slotLength);
    }

    public void add(ReportTicket t) {
        total.add(t, targetWait);
        String key = switch (groupBy) {
            case DAY -> t.serviceDay().toString();
            case HOUR -> String.format("%02d", t.issuedHour());
            case SERVICE -> t.serviceId();
            case COUNTER -> t.counterId() == null ? null : String.valueOf(t.counterId());
            case STAFF -> t.servedBy();
        };
        if (key != null) {
            groups.computeIfAbsent(key, k -> new Tally(slotLength)).add(t, targetWait);
        }
        arrivalsByHour[t.issuedHour()]++;
        Instant waitEnd = t.firstCalledAt() != null ? t.firstCalledAt()
                : t.finishedAt() != null ? t.finishedAt() : until;
        waitingBySite.computeIfAbsent(t.siteId(), s -> new ArrayList<>()).add(new Span(t.issuedAt(), waitEnd));
    }

    /** Lines of one counter must come in time order; counters may interleave. */
    public void add(CounterEvent e) {
        counters.computeIfAbsent(e.counterId(), CounterTime::new).apply(e);
    }

    public Summary build() {
        double[] counterHours = new double[24];
        Map<String, Intervals> waiting = new HashMap<>();
        waitingBySite.forEach((site, spans) -> waiting.put(site, Intervals.of(spans)));
        for (CounterTime counter : counters.values()) {
            counter.finish(until);
            Intervals busy = counter.busy();
            for (OpenSpan open : counter.openSpans()) {
                Duration openTime = open.span().length();
                Duration idle = Intervals.of(List.of(open.span())).minus(busy)
                        .intersect(waiting.getOrDefault(open.siteId(), Intervals.of(List.of()))).total();
                total.addOpen(openTime, idle);
                String key = switch (groupBy) {
                    case DAY -> open.span().start().atZone(zone).toLocalDate().toString();
                    case COUNTER -> String.valueOf(open.counterId());
                    case STAFF -> open.staff();
                    case HOUR, SERVICE -> null;
                };
                if (key != null) {
                    groups.computeIfAbsent(key, k -> new Tally(slotLength)).addOpen(openTime, idle);
                }
                spreadOverHours(open.span(), counterHours);
            }
        }
        List<Summary.Group> out = new ArrayList<>();
        groups.forEach((key, tally) -> out.add(new Summary.Group(key, tally.figures(groupBy))));
        List<HourLoad> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            if (arrivalsByHour[h] > 0 || counterHours[h] > 0) {
                hours.add(new HourLoad(h, arrivalsByHour[h], Math.round(counterHours[h] * 100) / 100.0));
            }
        }
        return new Summary(groupBy, total.figures(null), out, hours);
    }

    /** Adds the span's length to each clock hour it covers, in counter-hours. */
    private void spreadOverHours(Span span, double[] counterHours) {
        ZonedDateTime cursor = span.start().atZone(zone);
        ZonedDateTime end = span.end().atZone(zone);
        while (cursor.isBefore(end)) {
            ZonedDateTime nextHour = cursor.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            ZonedDateTime stop = nextHour.isBefore(end) ? nextHour : end;
            counterHours[cursor.getHour()] += Duration.between(cursor, stop).toSeconds() / 3600.0;
            cursor = stop;
        }
    }

    /** The running counts and durations of one group. */
    private static final class Tally {
        private final Duration slotLength;
        private final Map<Kpi, Long> counts = new HashMap<>();
        private final Distribution waits = new Distribution();
        private final Distribution services = new Distribution();
        private long servedWithWait;
        private long withinTarget;
        private long booked;
        private long bookedInWindow;
        private long estimated;
        private long estimateRight;
        private long estimateErrorSeconds;
        private long ratingSum;
        private long satisfied;
        private final Map<String, Long> reasons = new TreeMap<>();
        private boolean hasOpenTime;

        Tally(Duration slotLength) {
            this.slotLength = slotLength;
        }
        private Duration open = Duration.ZERO;
        private Duration idle = Duration.ZERO;

        void add(ReportTicket t, Function<String, Duration> targetWait) {
            count(Kpi.ISSUED);
            count(switch (t.channel() == null ? Channel.KIOSK : t.channel()) {
                case KIOSK -> Kpi.ISSUED_KIOSK;
                case DESK -> Kpi.ISSUED_DESK;
                case BOOKING -> Kpi.ISSUED_BOOKING;
                case PHONE, REMOTE -> Kpi.ISSUED_REMOTE;
            });
            if (t.served()) {
                count(Kpi.SERVED);
            }
            if (t.status() == TicketStatus.NO_SHOW) {
                count(Kpi.NO_SHOWS);
            }
            if (t.status() == TicketStatus.CANCELLED) {
                count(Kpi.CANCELLED);
            }
            if (t.transfers() > 0) {
                count(Kpi.TRANSFERRED);
            }
            if (t.siteMoves() > 0) {
                count(Kpi.MOVED_BETWEEN_SITES);
            }
            if (t.abandoned()) {
                count(Kpi.ABANDONED);
            }
            if (t.ratingScore() != null) {
                count(Kpi.RATINGS);
                ratingSum += t.ratingScore();
                satisfied += t.ratingScore() >= SATISFIED_SCORE ? 1 : 0;
                if (t.ratingReason() != null) {
                    reasons.merge(t.ratingReason(), 1L, Long::sum);
                }
            }
            Duration wait = t.waitUntilFirstCall();
            waits.add(wait);
            services.add(t.serviceTime());
            if (!t.served() || wait == null) {
                return;
            }
            servedWithWait++;
            if (wait.compareTo(targetWait.apply(t.serviceId())) <= 0) {
                withinTarget++;
            }
            if (t.slotStart() != null) {
                booked++;
                // Served within its slot window: first called before the booked slot ended (a citizen who
                // came early and was called early counts as within).
                if (!t.firstCalledAt().isAfter(t.slotStart().plus(slotLength))) {
                    bookedInWindow++;
                }
            }
            if (t.estimateMinutes() != null) {
                estimated++;
                long error = Math.abs(wait.toSeconds() - t.estimateMinutes() * 60L);
                estimateErrorSeconds += error;
                if (error <= ESTIMATE_TOLERANCE.toSeconds()) {
                    estimateRight++;
                }
            }
        }

        void addOpen(Duration openTime, Duration idleTime) {
            hasOpenTime = true;
            open = open.plus(openTime);
            idle = idle.plus(idleTime);
        }

        private void count(Kpi kpi) {
            counts.merge(kpi, 1L, Long::sum);
        }

        Figures figures(GroupBy groupedBy) {
            Figures f = new Figures();
            for (Kpi kpi : Kpi.values()) {
                if (kpi.isCount()) {
                    f.put(kpi, (double) counts.getOrDefault(kpi, 0L));
                }
            }
            f.put(Kpi.WAIT_MEAN, waits.meanMinutes());
            f.put(Kpi.WAIT_MEDIAN, waits.medianMinutes());
            f.put(Kpi.WAIT_P90, waits.percentileMinutes(90));
            f.put(Kpi.WAIT_MAX, waits.maxMinutes());
            f.put(Kpi.SERVICE_MEAN, services.meanMinutes());
            f.put(Kpi.SERVICE_P90, services.percentileMinutes(90));
            f.put(Kpi.WITHIN_TARGET_SHARE, share(withinTarget, servedWithWait));
            f.put(Kpi.BOOKINGS_IN_WINDOW_SHARE, share(bookedInWindow, booked));
            f.put(Kpi.ESTIMATE_WITHIN_5_SHARE, share(estimateRight, estimated));
            f.put(Kpi.ESTIMATE_MEAN_ABSOLUTE_ERROR, estimated == 0 ? null : estimateErrorSeconds / 60.0 / estimated);
            long ratings = counts.getOrDefault(Kpi.RATINGS, 0L);
            f.put(Kpi.RATING_MEAN, ratings == 0 ? null : (double) ratingSum / ratings);
            f.put(Kpi.SATISFIED_SHARE, share(satisfied, ratings));
            f.putReasons(reasons);
            boolean timeApplies = groupedBy != GroupBy.HOUR && groupedBy != GroupBy.SERVICE;
            if (timeApplies && (hasOpenTime || groupedBy == null)) {
                f.put(Kpi.TIME_OPEN, open.toSeconds() / 60.0);
                f.put(Kpi.IDLE_WHILE_WAITING, idle.toSeconds() / 60.0);
            }
            return f;
        }

        private static Double share(long part, long whole) {
            return whole == 0 ? null : (double) part / whole;
        }
    }
}
