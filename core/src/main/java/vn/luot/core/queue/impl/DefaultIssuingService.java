package vn.luot.core.queue.impl;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.Actor;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.domain.ticket.Channel;
import vn.luot.core.domain.ticket.IssuingHours;
import vn.luot.core.domain.ticket.ServiceDay;
import vn.luot.core.domain.ticket.TicketRequest;
import vn.luot.core.queue.IssuingService;
import vn.luot.core.store.AfterHoursStore;

/** {@link IssuingService}: the domain's rule, and the permission kept in the database. */
public final class DefaultIssuingService implements IssuingService {
    private final AfterHoursStore store;
    private final Catalogue catalogue;
    private final IssuingHours hours;
    private final ZoneId zone;
    private final Clock clock;

    public DefaultIssuingService(AfterHoursStore store, LuotConfig config, Clock clock) {
        this.store = store;
        this.catalogue = config.catalogue();
        this.hours = config.queue().issuingHours();
        this.zone = catalogue.timeZone();
        this.clock = clock;
    }

    @Override
    public Future<Status> status(String siteId) {
        SiteDefinition site = catalogue.site(siteId);
        Instant now = clock.instant();
        IssuingHours.Window window = hours.at(site.openingHours(), now.atZone(zone));
        return store.allowed(site.id(), ServiceDay.of(now, zone)).map(allowed -> new Status(site.id(), window, allowed));
    }

    @Override
    public Future<Status> allowDesk(String siteId, boolean allowed, Actor manager) {
        SiteDefinition site = catalogue.site(siteId);
        Instant now = clock.instant();
        return store.set(site.id(), ServiceDay.of(now, zone), allowed, manager.username(), now)
                .compose(done -> status(site.id()));
    }

    @Override
    public Future<Void> requireIssuing(TicketRequest request, Actor staff) {
        SiteDefinition site = catalogue.site(request.siteId());
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(zone);
        if (hours.at(site.openingHours(), local).open()) {
            return Future.succeededFuture();   // the usual case: no database read
        }
        boolean atDesk = staff != null && request.channel() == Channel.DESK;
        if (!atDesk) {
            try {
                hours.requireOpen(site, local, false, false);
            } catch (RuntimeException refused) {
                return Future.failedFuture(refused);
            }
        }
        return store.allowed(site.id(), ServiceDay.of(now, zone)).map(allowed -> {
            hours.requireOpen(site, local, true, allowed);
            return null;
        });
    }
}
