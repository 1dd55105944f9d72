package vn.luot.core.domain.balancing;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long a citizen takes to go from one site to another (both ways the same), in whole minutes. Pairs
 * that the configuration does not name take the default; going nowhere takes no time.
 */
public final class TravelTimes {
    private final int defaultMinutes;
    private final Map<String, Integer> byPair = new HashMap<>();

    public TravelTimes(int defaultMinutes) {
        if (defaultMinutes < 0) {
            throw new IllegalArgumentException("travel minutes must not be negative");
        }
        this.defaultMinutes = defaultMinutes;
    }

    /** The same times with one pair set. */
    public TravelTimes with(String siteA, String siteB, int minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("travel minutes must not be negative");
        }
        TravelTimes copy = new TravelTimes(defaultMinutes);
        copy.byPair.putAll(byPair);
        copy.byPair.put(key(siteA, siteB), minutes);
        return copy;
    }

    public int defaultMinutes() {
        return defaultMinutes;
    }

    /** @param from the site the citizen is at, or null when unknown (then nothing to travel) */
    public int minutes(String from, String to) {
        if (from == null || Objects.equals(from, to)) {
            return 0;
        }
        return byPair.getOrDefault(key(from, to), defaultMinutes);
    }

    private static String key(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }
}
