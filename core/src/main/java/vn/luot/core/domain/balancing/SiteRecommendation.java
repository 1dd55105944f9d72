package vn.luot.core.domain.balancing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one rule that says where a citizen should take a number for a service: stay, go to the other site,
 * or either (about the same). Kiosk, guidance desk, tracking page and booking page all ask it, through
 * {@code GET /api/v1/recommendation}.
 *
 * <p>Each site that offers the service counts with its estimated wait plus the travel time from where
 * the citizen is. From a known site, the citizen is sent elsewhere only when the detour is clearly worth
 * it: the other site's wait plus travel is at least {@code minMinutesSaved} shorter than waiting here,
 * and at most {@code maxShareOfWait} of it. Nobody is sent across town for two minutes: when the two
 * totals are within {@code aboutTheSameMinutes}, the answer says so (and recommends staying). When no
 * counter here serves the service and one there does, there is the answer. Without a known site,
 * the shortest wait is recommended, again unless the others are about the same.
 *
 * @param minMinutesSaved     the least a detour must save to be recommended, travel included
 * @param maxShareOfWait      the other site's wait plus travel must be at most this share of the wait here
 * @param aboutTheSameMinutes totals closer than or equal to this are "about the same"
 */
public record SiteRecommendation(int minMinutesSaved, double maxShareOfWait, int aboutTheSameMinutes) {

    public SiteRecommendation {
        if (minMinutesSaved < 0 || aboutTheSameMinutes < 0 || maxShareOfWait < 0 || maxShareOfWait > 1) {
            throw new IllegalArgumentException("minutes must not be negative and the share must be in [0, 1]");
        }
    }

    /**
     * One site's line for the service.
     *
     * @param waitMinutes the estimated wait for a ticket taken now, or null when no counter there serves it
     */
    public record SiteLine(String siteId, int waiting, int countersOpen, Integer waitMinutes) {
        boolean open() {
            return waitMinutes != null;
        }
    }

    /** A site as the citizen would experience it: its line and the way there. */
    public record Option(SiteLine line, int travelMinutes) {
        public String siteId() {
            return line.siteId();
        }

        /** Wait plus travel, or null when no counter there serves the service. */
        public Integer totalMinutes() {
            return line.waitMinutes() == null ? null : line.waitMinutes() + travelMinutes;
        }
    }

    /** What the answer says, each with its own sentence. */
    public enum Verdict {
        /** From a known site: stay, the other site is not worth the trip. */
        STAY,
        /** From a known site: the other site is clearly faster (minutesSaved), or the only one open. */
        GO_ELSEWHERE,
        /** Within aboutTheSameMinutes of each other: no need to travel. */
        ABOUT_THE_SAME,
        /** No known site: the shortest wait. */
        FASTEST,
        /** No counter serves the service anywhere right now. */
        NONE_OPEN
    }

    /**
     * @param recommendedSiteId where to take a number, or null when nowhere is open and the citizen is nowhere known
     * @param minutesSaved      against the best alternative, or null when there is none to compare with
     */
    public record Answer(List<Option> options, String recommendedSiteId, Verdict verdict, Integer minutesSaved) {
        public Answer {
            options = List.copyOf(options);
        }

        public Optional<Option> recommended() {
            return options.stream().filter(o -> o.siteId().equals(recommendedSiteId)).findFirst();
        }
    }

    /**
     * @param fromSiteId where the citizen is now, or null when unknown
     * @param lines      the service's line at every site that offers it
     */
    public Answer recommend(String fromSiteId, List<SiteLine> lines, TravelTimes travel) {
        List<Option> options = new ArrayList<>();
        lines.forEach(line -> options.add(new Option(line, travel.minutes(fromSiteId, line.siteId()))));
        List<Option> open = options.stream().filter(o -> o.line().open())
                .sorted(Comparator.comparingInt(Option::totalMinutes)).toList();
        Optional<Option> here = options.stream().filter(o -> o.siteId().equals(fromSiteId)).findFirst();
        if (open.isEmpty()) {
            return new Answer(options, here.map(Option::siteId).orElse(null), Verdict.NONE_OPEN, null);
        }
        if (here.isEmpty()) {
            return fastest(options, open);
        }
        Option stay = here.get();
        List<Option> others = open.stream().filter(o -> o != stay).toList();
        if (!stay.line().open()) {
            return new Answer(options, others.get(0).siteId(), Verdict.GO_ELSEWHERE, null);
        }
        if (others.isEmpty()) {
            return new Answer(options, stay.siteId(), Verdict.STAY, null);
        }
        Option best = others.get(0);
        int hereMinutes = stay.totalMinutes();
        int saved = hereMinutes - best.totalMinutes();
        if (detourWorthIt(hereMinutes, best.totalMinutes())) {
            return new Answer(options, best.siteId(), Verdict.GO_ELSEWHERE, saved);
        }
        if (Math.abs(saved) <= aboutTheSameMinutes) {
            return new Answer(options, stay.siteId(), Verdict.ABOUT_THE_SAME, null);
        }
        return new Answer(options, stay.siteId(), Verdict.STAY, saved < 0 ? -saved : null);
    }

    /**
     * The detour test on its own: a wait of {@code hereMinutes} against {@code thereTotalMinutes} (wait and
     * travel) at another site. Null means no counter serves the service there (or here).
     */
    public boolean detourWorthIt(Integer hereMinutes, Integer thereTotalMinutes) {
        if (thereTotalMinutes == null) {
            return false;
        }
        if (hereMinutes == null) {
            return true;
        }
        return hereMinutes - thereTotalMinutes >= minMinutesSaved
                && thereTotalMinutes <= hereMinutes * maxShareOfWait;
    }

    private Answer fastest(List<Option> options, List<Option> open) {
        Option best = open.get(0);
        if (open.size() == 1) {
            return new Answer(options, best.siteId(), Verdict.FASTEST, null);
        }
        int saved = open.get(1).totalMinutes() - best.totalMinutes();
        return saved <= aboutTheSameMinutes
                ? new Answer(options, best.siteId(), Verdict.ABOUT_THE_SAME, null)
                : new Answer(options, best.siteId(), Verdict.FASTEST, saved);
    }
}
