package vn.luot.core.domain.estimate;

/**
 * When the kiosk tells a citizen that the other site is much faster for their service. Walking
 * 1.5 km is only worth it for a clear gain: a ticket there must wait at least {@code minMinutesSaved}
 * minutes less, and at most {@code maxShareOfWait} of the wait here. When no counter here is open for
 * the service (no estimate here) and one is open there, there is faster.
 */
public record FasterSiteRule(int minMinutesSaved, double maxShareOfWait) {

    /**
     * @param hereMinutes  the estimate for a ticket taken here now, or null when no counter here serves it
     * @param thereMinutes the estimate at the other site, or null when no counter there serves it
     */
    public boolean muchFaster(Integer hereMinutes, Integer thereMinutes) {
        if (thereMinutes == null) {
            return false;
        }
        if (hereMinutes == null) {
            return true;
        }
        return hereMinutes - thereMinutes >= minMinutesSaved && thereMinutes <= hereMinutes * maxShareOfWait;
    }
}
