package vn.luot.core.reports;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.report.ReportBuilder;
import vn.luot.core.domain.report.ReportQuery;
import vn.luot.core.domain.report.Summary;
import vn.luot.core.store.ReportStore;

/**
 * The managers' reports: streams the range's tickets and counter history from the reports' own pool into
 * the plain-Java {@link ReportBuilder}, which holds the formulas.
 */
public final class ReportService {
    private final ReportStore store;
    private final Catalogue catalogue;
    private final Clock clock;
    private final Duration slotLength;

    /** @param slotLength the length of a booking slot (booking.slotMinutes) */
    public ReportService(ReportStore store, Catalogue catalogue, Clock clock, Duration slotLength) {
        this.store = store;
        this.catalogue = catalogue;
        this.clock = clock;
        this.slotLength = slotLength;
    }

    public ZoneId zone() {
        return catalogue.timeZone();
    }

    /** Fails with a 400 problem when the query names a site or service that does not exist. */
    public Future<ReportQuery> check(ReportQuery query) {
        try {
            if (query.siteId() != null) {
                catalogue.site(query.siteId());
            }
            if (query.serviceId() != null) {
                catalogue.service(query.serviceId());
            }
            return Future.succeededFuture(query);
        } catch (RuntimeException unknown) {
            return Future.failedFuture(unknown);
        }
    }

    public Future<Summary> summary(ReportQuery query) {
        return check(query).compose(this::compute);
    }

    private Future<Summary> compute(ReportQuery query) {
        ZoneId zone = catalogue.timeZone();
        Instant start = query.from().atStartOfDay(zone).toInstant();
        Instant end = query.to().plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        Instant until = now.isBefore(end) ? now : end;
        ReportBuilder builder = new ReportBuilder(query.groupBy(), zone,
                serviceId -> catalogue.service(serviceId).targetWait(), until, slotLength);
        return store.tickets(query, zone, builder::add)
                .compose(read -> store.counterEvents(start, end, query.siteId(), builder::add))
                .map(read -> builder.build());
    }
}
