package vn.luot.core.domain.catalogue;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;

/**
 * What the centre offers, where, and to whom first: sites, services, counters and priority groups.
 * Built once from the configuration; lookups that fail throw a {@link QueueException} naming the
 * unknown id, so callers never have to check for null.
 */
public final class Catalogue {
    private final String centreId;
    private final LocalizedText centreName;
    private final ZoneId timeZone;
    private final Map<String, SiteDefinition> sites = new LinkedHashMap<>();
    private final Map<String, ServiceDefinition> services = new LinkedHashMap<>();
    private final Map<String, PriorityGroup> priorityGroups = new LinkedHashMap<>();
    private final Map<Integer, CounterDefinition> counters = new LinkedHashMap<>();

    public Catalogue(String centreId, LocalizedText centreName, ZoneId timeZone,
                     List<SiteDefinition> sites, List<ServiceDefinition> services, List<PriorityGroup> priorityGroups) {
        this.centreId = centreId;
        this.centreName = centreName;
        this.timeZone = timeZone;
        services.forEach(s -> this.services.put(s.id(), s));
        priorityGroups.forEach(g -> this.priorityGroups.put(g.id(), g));
        sites.forEach(site -> {
            this.sites.put(site.id(), site);
            site.counters().forEach(c -> this.counters.put(c.id(), c));
        });
    }

    public String centreId() {
        return centreId;
    }

    public LocalizedText centreName() {
        return centreName;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    public List<SiteDefinition> sites() {
        return List.copyOf(sites.values());
    }

    public List<ServiceDefinition> services() {
        return List.copyOf(services.values());
    }

    public List<PriorityGroup> priorityGroups() {
        return List.copyOf(priorityGroups.values());
    }

    public List<CounterDefinition> counters() {
        return List.copyOf(counters.values());
    }

    public Optional<SiteDefinition> findSite(String id) {
        return Optional.ofNullable(id == null ? null : sites.get(id));
    }

    /** A site named in a request body: unknown is the caller's mistake. */
    public SiteDefinition site(String id) {
        return findSite(id).orElseThrow(() -> new QueueException(Problem.UNKNOWN_SITE, id));
    }

    public ServiceDefinition service(String id) {
        ServiceDefinition service = id == null ? null : services.get(id);
        if (service == null) {
            throw new QueueException(Problem.UNKNOWN_SERVICE, id);
        }
        return service;
    }

    public Optional<CounterDefinition> findCounter(int id) {
        return Optional.ofNullable(counters.get(id));
    }

    /** Checks that a priority group exists; null means the normal queue. */
    public void requirePriorityGroup(String id) {
        if (id != null && !priorityGroups.containsKey(id)) {
            throw new QueueException(Problem.UNKNOWN_PRIORITY_GROUP, id);
        }
    }

    /** The configured name of a site, service or priority group, or empty when the id is unknown. */
    public Optional<LocalizedText> nameOf(CatalogueRef ref) {
        return switch (ref.kind()) {
            case SITE -> findSite(ref.id()).map(SiteDefinition::name);
            case SERVICE -> Optional.ofNullable(services.get(ref.id())).map(ServiceDefinition::name);
            case PRIORITY_GROUP -> Optional.ofNullable(priorityGroups.get(ref.id())).map(PriorityGroup::name);
        };
    }

    /** Checks that the site exists and offers the service, in that order. */
    public void requireOffered(String siteId, String serviceId) {
        SiteDefinition site = site(siteId);
        service(serviceId);
        if (!site.offers(serviceId)) {
            throw new QueueException(Problem.SERVICE_NOT_OFFERED, CatalogueRef.service(serviceId), CatalogueRef.site(siteId));
        }
    }
}
