package vn.luot.core.booking;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.luot.core.domain.booking.UsualWaits;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.ticket.ServiceDay;
import vn.luot.core.store.ReportStore;

/**
 * The usual wait per hour of a service at a site, for the booking page's site step: past tickets' waits
 * read on the reports' own pool (so a busy booking page never takes a connection the counters need), and
 * turned into figures by {@link UsualWaits}. The figures rest on past days only, so they change once a
 * day: each answer is kept until the service day changes.
 */
public final class UsualWaitReader {
    private final ReportStore reports;
    private final Catalogue catalogue;
    private final UsualWaits rule;
    private final ZoneId zone;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(LocalDate today, List<UsualWaits.HourWait> hours) {
    }

    public UsualWaitReader(ReportStore reports, Catalogue catalogue, UsualWaits rule, Clock clock) {
        this.reports = reports;
        this.catalogue = catalogue;
        this.rule = rule;
        this.zone = catalogue.timeZone();
        this.clock = clock;
    }

    public UsualWaits rule() {
        return rule;
    }

    /**
     * The usual wait in each hour the site is open; fails with the catalogue's refusal when the site or
     * service is unknown or the site does not offer the service.
     */
    public Future<List<UsualWaits.HourWait>> byHour(String siteId, String serviceId) {
        try {
            catalogue.requireOffered(siteId, serviceId);
        } catch (RuntimeException refused) {
            return Future.failedFuture(refused);
        }
        LocalDate today = ServiceDay.of(clock.instant(), zone);
        String key = siteId + '\n' + serviceId;
        Kept earlier = kept.get(key);
        if (earlier != null && earlier.today().equals(today)) {
            return Future.succeededFuture(earlier.hours());
        }
        return reports.waitsUntilFirstCall(siteId, serviceId, rule.firstDay(today), today.minusDays(1), zone)
                .map(waits -> rule.byHour(waits, UsualWaits.openHours(catalogue.site(siteId).openingHours())))
                .onSuccess(hours -> kept.put(key, new Kept(today, hours)));
    }
}
