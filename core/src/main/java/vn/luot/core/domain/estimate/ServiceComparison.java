package vn.luot.core.domain.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.luot.core.domain.board.QueueStats;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.SiteDefinition;

/**
 * What a kiosk shows for each service of its site: the line here, and the same service's line at every
 * other site that offers it, flagged when it is much faster by the {@link FasterSiteRule}.
 */
public final class ServiceComparison {
    /** The same service at another site. */
    public record Elsewhere(String siteId, QueueStats queue, boolean muchFaster) {
    }

    /** One service of the kiosk's site. */
    public record Choice(String serviceId, QueueStats here, List<Elsewhere> elsewhere) {
        public boolean elsewhereMuchFaster() {
            return elsewhere.stream().anyMatch(Elsewhere::muchFaster);
        }
    }

    private ServiceComparison() {
    }

    /**
     * @param queuesBySite every site's lines now, by site id
     */
    public static List<Choice> of(Catalogue catalogue, String siteId, Map<String, List<QueueStats>> queuesBySite,
                                  FasterSiteRule rule) {
        SiteDefinition here = catalogue.site(siteId);
        List<Choice> choices = new ArrayList<>();
        for (String serviceId : here.serviceIds()) {
            QueueStats hereQueue = find(queuesBySite.get(siteId), serviceId);
            List<Elsewhere> elsewhere = new ArrayList<>();
            for (SiteDefinition other : catalogue.sites()) {
                if (other.id().equals(siteId) || !other.offers(serviceId)) {
                    continue;
                }
                QueueStats there = find(queuesBySite.get(other.id()), serviceId);
                elsewhere.add(new Elsewhere(other.id(), there,
                        rule.muchFaster(hereQueue.estimatedWaitMinutes(), there.estimatedWaitMinutes())));
            }
            choices.add(new Choice(serviceId, hereQueue, elsewhere));
        }
        return choices;
    }

    private static QueueStats find(List<QueueStats> queues, String serviceId) {
        if (queues != null) {
            for (QueueStats q : queues) {
                if (q.serviceId().equals(serviceId)) {
                    return q;
                }
            }
        }
        return new QueueStats(serviceId, 0, null, null, 0);
    }
}
