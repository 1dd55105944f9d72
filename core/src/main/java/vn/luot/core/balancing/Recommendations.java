package vn.luot.core.balancing;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.balancing.SiteRecommendation;
import vn.luot.core.domain.board.QueueStats;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.i18n.Sentences;

/** Where to take a number for a service now: the {@link SiteRecommendation} rule on the live lines. */
public final class Recommendations {
    private final Catalogue catalogue;
    private final LuotConfig.Balancing balancing;
    private final HallLines lines;

    public Recommendations(Catalogue catalogue, LuotConfig.Balancing balancing, HallLines lines) {
        this.catalogue = catalogue;
        this.balancing = balancing;
        this.lines = lines;
    }

    /**
     * @param fromSiteId where the citizen is, or null
     * @throws QueueException (unknown service or site) before anything is read
     */
    public Future<SiteRecommendation.Answer> recommend(String serviceId, String fromSiteId) {
        catalogue.service(serviceId);
        if (fromSiteId != null && catalogue.findSite(fromSiteId).isEmpty()) {
            throw new QueueException(Problem.UNKNOWN_SITE, fromSiteId);
        }
        return lines.now().map(bySite -> answer(serviceId, fromSiteId, bySite));
    }

    SiteRecommendation.Answer answer(String serviceId, String fromSiteId, Map<String, List<QueueStats>> bySite) {
        List<SiteRecommendation.SiteLine> offered = new ArrayList<>();
        for (SiteDefinition site : catalogue.sites()) {
            if (!site.offers(serviceId)) {
                continue;
            }
            QueueStats q = bySite.getOrDefault(site.id(), List.of()).stream()
                    .filter(s -> s.serviceId().equals(serviceId)).findFirst()
                    .orElse(new QueueStats(serviceId, 0, null, null, 0));
            offered.add(new SiteRecommendation.SiteLine(site.id(), q.waiting(), q.countersOpen(),
                    q.estimatedWaitMinutes()));
        }
        return balancing.recommendation().recommend(fromSiteId, offered, balancing.travel());
    }

    /** Why, in Vietnamese and English: the recommended site's wait, the travel and the gain. */
    public LocalizedText reason(SiteRecommendation.Answer answer) {
        var chosen = answer.recommended();
        if (answer.verdict() == SiteRecommendation.Verdict.NONE_OPEN || chosen.isEmpty()) {
            return Sentences.both("recommendation.none_open");
        }
        SiteRecommendation.Option option = chosen.get();
        LocalizedText site = catalogue.site(option.siteId()).name();
        int wait = option.line().waitMinutes();
        int travel = option.travelMinutes();
        return switch (answer.verdict()) {
            case GO_ELSEWHERE -> answer.minutesSaved() == null
                    ? Sentences.both("recommendation.go_elsewhere_closed_here", site, wait, travel)
                    : Sentences.both("recommendation.go_elsewhere", site, wait, travel, answer.minutesSaved());
            case STAY -> Sentences.both("recommendation.stay", site, wait);
            case ABOUT_THE_SAME -> Sentences.both("recommendation.about_the_same", site, wait);
            case FASTEST -> travel == 0 ? Sentences.both("recommendation.fastest", site, wait)
                    : Sentences.both("recommendation.fastest_with_travel", site, wait, travel);
            case NONE_OPEN -> Sentences.both("recommendation.none_open");
        };
    }
}
