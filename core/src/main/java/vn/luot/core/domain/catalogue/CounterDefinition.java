package vn.luot.core.domain.catalogue;

import java.util.List;

/** A counter as shipped in the configuration: its number, its site and the services it opens with. */
public record CounterDefinition(int id, String siteId, List<String> defaultServices) {
    public CounterDefinition {
        defaultServices = List.copyOf(defaultServices);
    }
}
