package vn.luot.core.domain.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.luot.core.domain.balancing.SiteRecommendation;
import vn.luot.core.domain.balancing.TravelTimes;
import vn.luot.core.domain.board.QueueStats;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.SiteDefinition;

/**
 * What a kiosk shows for each service of its site: the line here, and the same service's line at every
 * other site that offers it, flagged when the {@link SiteRecommendation} rule sends a citizen of this site there.
 */
public final class ServiceComparison {
    /** The same service at another site. */
    public record Elsewhere(String siteId, QueueStats queue, boolean muchFaster, int travelMinutes, Integer minutesSaved) {
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
                                  SiteRecommendation rule, TravelTimes travel) {
        SiteDefinition here = catalogue.site(siteId);
        List<Choice> choices = new ArrayList<>();
        for (String serviceId : here.serviceIds()) {
            QueueStats hereQueue = find(queuesBySite.get(siteId), serviceId);
            List<SiteRecommendation.SiteLine> lines = new ArrayList<>();
            for (SiteDefinition site : catalogue.sites()) {
                if (site.offers(serviceId)) {
                    QueueStats q = find(queuesBySite.get(site.id()), serviceId);
                    lines.add(new SiteRecommendation.SiteLine(site.id(), q.waiting(), q.countersOpen(),
                            q.estimatedWaitMinutes()));
                }
            }
            SiteRecommendation.Answer answer = rule.recommend(siteId, lines, travel);
            boolean goElsewhere = answer.verdict() == SiteRecommendation.Verdict.GO_ELSEWHERE;
            List<Elsewhere> elsewhere = new ArrayList<>();
            for (SiteRecommendation.Option option : answer.options()) {
                if (option.siteId().equals(siteId)) {
                    continue;
                }
                boolean sentThere = goElsewhere && option.siteId().equals(answer.recommendedSiteId());
                elsewhere.add(new Elsewhere(option.siteId(), find(queuesBySite.get(option.siteId()), serviceId),
                        sentThere, option.travelMinutes(), sentThere ? answer.minutesSaved() : null));
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
