package vn.luot.core.domain.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.config.ConfigLoader;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.catalogue.CounterDefinition;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.support.TestServer;

@DisplayName("What-if counter changes for the planner: fewer or more counters at a site over some hours")
class CounterChangeTest {
    private static final LuotConfig CONFIG = ConfigLoader.load(TestServer.shippedConfig(), Map.of());
    private static final Scenario CONFIGURED = Scenario.configured(CONFIG.simulation());

    @Test
    @DisplayName("Two counters fewer from 8:00 to 10:00 leaves the site's last two counters unstaffed in hours 8 and 9 only")
    void fewer() {
        SiteDefinition site = CONFIG.catalogue().site("hac-thanh");
        List<CounterDefinition> counters = site.counters();

        Scenario changed = CounterChange.apply(List.of(CounterChange.parse("hac-thanh:8-10:-2", CONFIG.catalogue())),
                CONFIG.catalogue(), CONFIGURED);

        assertThat(changed.unstaffedHours()).containsOnlyKeys(counters.get(counters.size() - 1).id(),
                counters.get(counters.size() - 2).id());
        assertThat(changed.unstaffedHours().values()).allSatisfy(hours -> assertThat(hours).isEqualTo(Set.of(8, 9)));
        assertThat(changed.counters().get("hac-thanh")).isEqualTo(counters);
    }

    @Test
    @DisplayName("Two counters more from 8:00 to 10:00 adds two counters serving all the site's services, staffed in hours 8 and 9 only")
    void more() {
        SiteDefinition site = CONFIG.catalogue().site("hac-thanh");

        Scenario changed = CounterChange.apply(List.of(CounterChange.parse("hac-thanh:8-10:+2", CONFIG.catalogue())),
                CONFIG.catalogue(), CONFIGURED);

        List<CounterDefinition> counters = changed.counters().get("hac-thanh");
        assertThat(counters).hasSize(site.counters().size() + 2).containsAll(site.counters());
        List<CounterDefinition> added = counters.subList(site.counters().size(), counters.size());
        assertThat(added).allSatisfy(c -> {
            assertThat(c.defaultServices()).isEqualTo(site.serviceIds());
            assertThat(changed.unstaffedHours().get(c.id())).doesNotContain(8, 9).contains(0, 7, 10, 23).hasSize(22);
        });
        assertThat(CONFIG.catalogue().sites().stream().flatMap(s -> s.counters().stream()))
                .noneMatch(c -> added.stream().anyMatch(a -> a.id() == c.id()));
    }

    @Test
    @DisplayName("Added counters may be given the services they serve")
    void moreWithServices() {
        Scenario changed = CounterChange.apply(List.of(CounterChange.parse("tinh:13-15:+1:ho-tich,dat-dai",
                CONFIG.catalogue())), CONFIG.catalogue(), CONFIGURED);

        List<CounterDefinition> counters = changed.counters().get("tinh");
        assertThat(counters.get(counters.size() - 1).defaultServices()).containsExactly("ho-tich", "dat-dai");
    }

    @Test
    @DisplayName("A what-if that is malformed, names an unknown site or a service the site does not offer, or changes nothing is refused with a message naming it")
    void refused() {
        for (String spec : List.of("hac-thanh:8-10", "hac-thanh:8:-2", "nowhere:8-10:-2", "hac-thanh:10-8:-2",
                "hac-thanh:8-10:0", "hac-thanh:8-25:+1", "hac-thanh:8-10:x", "hac-thanh:8-10:+1:no-such-service",
                "hac-thanh:8-10:-1:ho-tich")) {
            assertThatThrownBy(() -> CounterChange.parse(spec, CONFIG.catalogue())).as(spec)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(spec.split(":")[0]);
        }
    }
}
