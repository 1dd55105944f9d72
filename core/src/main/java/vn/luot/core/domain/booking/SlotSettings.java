package vn.luot.core.domain.booking;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the centre gives out booking slots (the {@code booking} block of the configuration).
 *
 * @param slotLength    how long one slot is; slots start at each opening and follow one another
 * @param openDaysAhead how many days after today can be booked (today counts as day 0)
 * @param closesBefore  how long before its start a slot can no longer be booked
 * @param closedDays    days without slots: the year's public holidays (Tết included) and other closed days
 * @param places        how many citizens may book one slot, per site and service
 */
public record SlotSettings(Duration slotLength, int openDaysAhead, Duration closesBefore, Set<LocalDate> closedDays,
                           Places places) {

    public SlotSettings {
        Objects.requireNonNull(slotLength, "slotLength");
        Objects.requireNonNull(closesBefore, "closesBefore");
        Objects.requireNonNull(places, "places");
        closedDays = Set.copyOf(closedDays);
        if (slotLength.isZero() || slotLength.isNegative()) {
            throw new IllegalArgumentException("slotLength must be positive");
        }
        if (openDaysAhead < 0) {
            throw new IllegalArgumentException("openDaysAhead must not be negative");
        }
    }

    /**
     * Places per slot: a default, overridden for some services at some sites.
     *
     * @param bySite site id to (service id to places)
     */
    public record Places(int byDefault, Map<String, Map<String, Integer>> bySite) {
        public Places {
            if (byDefault < 0) {
                throw new IllegalArgumentException("places must not be negative");
            }
            Map<String, Map<String, Integer>> copy = new java.util.HashMap<>();
            bySite.forEach((site, services) -> copy.put(site, Map.copyOf(services)));
            bySite = Map.copyOf(copy);
        }

        public int of(String siteId, String serviceId) {
            return bySite.getOrDefault(siteId, Map.of()).getOrDefault(serviceId, byDefault);
        }
    }
}
