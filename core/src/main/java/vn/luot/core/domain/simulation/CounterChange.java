package vn.luot.core.domain.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.CounterDefinition;
import vn.luot.core.domain.catalogue.SiteDefinition;

/**
 * A "what if" for the planner: a site with counters more or fewer over some hours of the day. Fewer: the
 * site's last counters are not staffed then. More: extra counters are staffed then only, serving the services
 * named, or every service of the site when none are named (a counter opened to relieve the hall takes what
 * comes).
 *
 * @param fromHour first hour changed (8 for 08:00)
 * @param toHour   the hour the change ends (10: up to 10:00)
 * @param change   counters added (positive) or taken away (negative), never zero
 * @param services for added counters, the services they serve; empty for all of the site's
 */
public record CounterChange(String siteId, int fromHour, int toHour, int change, List<String> services) {
    /** Extra counters are numbered from here, clear of any configured counter. */
    static final int FIRST_EXTRA_COUNTER = 1000;
    private static final String FORM = "hac-thanh:8-10:-2, hac-thanh:8-10:+2 or hac-thanh:8-10:+1:kinh-doanh,dat-dai";

    public CounterChange {
        services = List.copyOf(services);
        if (change == 0 || fromHour < 0 || toHour > 24 || fromHour >= toHour) {
            throw new IllegalArgumentException("a counter change needs hours from < to within 0-24 and a change other than 0");
        }
        if (change < 0 && !services.isEmpty()) {
            throw new IllegalArgumentException("counters taken away take their own services; name services only for added ones");
        }
    }

    /**
     * Reads {@code site:from-to:±n[:service,service]}, checking the site and services against the catalogue.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static CounterChange parse(String spec, Catalogue catalogue) {
        String[] parts = spec.split(":");
        String[] hours = parts.length >= 3 ? parts[1].split("-") : new String[0];
        if (parts.length < 3 || parts.length > 4 || hours.length != 2) {
            throw new IllegalArgumentException("a what-if must look like " + FORM + ", got " + spec);
        }
        SiteDefinition site = catalogue.findSite(parts[0])
                .orElseThrow(() -> new IllegalArgumentException("what-if " + spec + ": no site " + parts[0]));
        int change;
        int from;
        int to;
        try {
            change = Integer.parseInt(parts[2].startsWith("+") ? parts[2].substring(1) : parts[2]);
            from = Integer.parseInt(hours[0]);
            to = Integer.parseInt(hours[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a what-if must look like " + FORM + ", got " + spec);
        }
        List<String> services = parts.length == 4 ? List.of(parts[3].split(",")) : List.of();
        for (String service : services) {
            if (!site.offers(service)) {
                throw new IllegalArgumentException("what-if " + spec + ": " + site.id() + " does not offer " + service);
            }
        }
        try {
            return new CounterChange(site.id(), from, to, change, services);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("what-if " + spec + ": " + e.getMessage(), e);
        }
    }

    /** The scenario with these changes: counters added to their sites, and the hours when each is not staffed. */
    public static Scenario apply(List<CounterChange> changes, Catalogue catalogue, Scenario scenario) {
        Map<Integer, Set<Integer>> unstaffed = new HashMap<>();
        scenario.unstaffedHours().forEach((id, hours) -> unstaffed.put(id, new HashSet<>(hours)));
        Map<String, List<CounterDefinition>> counters = new LinkedHashMap<>(scenario.counters());
        int nextId = FIRST_EXTRA_COUNTER;
        for (CounterChange c : changes) {
            SiteDefinition site = catalogue.site(c.siteId());
            List<CounterDefinition> here = new ArrayList<>(counters.getOrDefault(site.id(), site.counters()));
            if (c.change() < 0) {
                for (int i = 0; i < Math.min(-c.change(), here.size()); i++) {
                    Set<Integer> off = unstaffed.computeIfAbsent(here.get(here.size() - 1 - i).id(), id -> new HashSet<>());
                    for (int h = c.fromHour(); h < c.toHour(); h++) {
                        off.add(h);
                    }
                }
            } else {
                List<String> serves = c.services().isEmpty() ? site.serviceIds() : c.services();
                for (int i = 0; i < c.change(); i++) {
                    int id = nextId++;
                    here.add(new CounterDefinition(id, site.id(), serves));
                    Set<Integer> off = unstaffed.computeIfAbsent(id, k -> new HashSet<>());
                    for (int h = 0; h < 24; h++) {
                        if (h < c.fromHour() || h >= c.toHour()) {
                            off.add(h);
                        }
                    }
                }
            }
            counters.put(site.id(), here);
        }
        return scenario.withCounters(counters).withUnstaffedHours(unstaffed);
    }
}
