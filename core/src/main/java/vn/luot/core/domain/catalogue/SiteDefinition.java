package vn.luot.core.domain.catalogue;

import java.util.List;

/** One place where citizens queue: the ward's own centre, or its reception point at the provincial centre. */
public record SiteDefinition(
        String id,
        LocalizedText name,
        List<String> serviceIds,
        OpeningHours openingHours,
        List<CounterDefinition> counters) {

    public SiteDefinition {
        serviceIds = List.copyOf(serviceIds);
        counters = List.copyOf(counters);
    }

    public boolean offers(String serviceId) {
        return serviceIds.contains(serviceId);
    }
}
