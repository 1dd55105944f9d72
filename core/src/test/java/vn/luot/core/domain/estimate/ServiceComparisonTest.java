package vn.luot.core.domain.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.config.ConfigLoader;
import vn.luot.core.domain.balancing.SiteRecommendation;
import vn.luot.core.domain.balancing.TravelTimes;
import vn.luot.core.domain.board.QueueStats;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.support.TestServer;

@DisplayName("A kiosk's comparison of its lines with the other site's")
class ServiceComparisonTest {
    private final Catalogue catalogue = ConfigLoader.load(TestServer.shippedConfig(), Map.of()).catalogue();
    private final SiteRecommendation rule = new SiteRecommendation(15, 0.5, 5);
    private final TravelTimes travel = new TravelTimes(10);

    private static QueueStats line(String service, int waiting, Integer minutes) {
        return new QueueStats(service, waiting, null, minutes, minutes == null ? 0 : 1);
    }

    @Test
    @DisplayName("Each service of the kiosk's site is compared with the same service at the sites that offer it")
    void comparesOfferedServicesOnly() {
        Map<String, List<QueueStats>> queues = Map.of(
                "hac-thanh", List.of(line("chung-thuc", 12, 40), line("kinh-doanh", 3, 30)),
                "tinh", List.of(line("chung-thuc", 1, 5)));

        List<ServiceComparison.Choice> choices = ServiceComparison.of(catalogue, "hac-thanh", queues, rule, travel);

        assertThat(choices).extracting(ServiceComparison.Choice::serviceId).containsExactly("chung-thuc", "ho-tich",
                "dat-dai", "kinh-doanh", "xay-dung", "chinh-sach", "ho-tro-truc-tuyen", "tra-ket-qua");
        ServiceComparison.Choice certification = choices.get(0);
        assertThat(certification.here().waiting()).isEqualTo(12);
        assertThat(certification.elsewhere()).singleElement().satisfies(e -> {
            assertThat(e.siteId()).isEqualTo("tinh");
            assertThat(e.queue().estimatedWaitMinutes()).isEqualTo(5);
            assertThat(e.muchFaster()).isTrue();
            assertThat(e.travelMinutes()).isEqualTo(10);
            assertThat(e.minutesSaved()).as("40 here against 5 + 10 there").isEqualTo(25);
        });
        assertThat(choices.get(3).elsewhere()).as("business registration is only at hac-thanh").isEmpty();
        assertThat(choices.get(1).elsewhereMuchFaster()).as("no counter open at either site").isFalse();
    }
}
