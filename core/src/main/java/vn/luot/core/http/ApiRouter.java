package vn.luot.core.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import vn.luot.core.domain.Role;
import vn.luot.core.live.SiteSocketHandler;
import vn.luot.core.live.TicketSocketHandler;
import vn.luot.core.printing.PrinterSocketHandler;

/**
 * Every route of the server, one line each. The API is described in {@code api/openapi.yaml}, served
 * at {@code /api/v1/openapi.yaml}; a test keeps the two in step.
 */
public final class ApiRouter {

    /** Everything the routes point to. */
    public record Handlers(TicketHandler tickets, CounterHandler counters, SiteHandler sites, AuthHandler auth,
                           OpsHandler ops, SiteSocketHandler siteSockets, TicketSocketHandler ticketSockets,
                           StaffAuth staffAuth, Failures failures, int maxBodyBytes, ClientAddress clientAddress,
                           Printing printing,
                           BookingHandler bookings, WorkstationHandler workstation, IssuingHandler issuing,
                           Reporting reporting, BalancingHandler balancing, ManagerHandler managers,
                           PlanHandler plan) {
    }

    /** The managers' reports and the citizens' ratings (issue 14); the exports' files go when the server stops. */
    public record Reporting(ReportHandler reports, RatingHandler ratings, vn.luot.core.reports.ExportService exports) {
    }

    /** The kiosk's and the printers' routes. */
    public record Printing(KioskHandler kiosk, PrinterHandler printers, PrinterSocketHandler printerSockets) {
    }

    private ApiRouter() {
    }

    public static Router create(Vertx vertx, Handlers h) {
        Router router = Router.router(vertx);
        var staff = h.staffAuth().anyStaff();
        var admin = h.staffAuth().withRole(Role.ADMIN);
        var supervisor = h.staffAuth().withRole(Role.MANAGER, Role.ADMIN);

        router.route().handler(new SecurityHeaders());   // hardening (issue 12)
        router.route().handler(h.clientAddress());        // who the client is, for the limits per address
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(h.maxBodyBytes()));

        router.get("/health").handler(h.ops()::health);
        router.get("/metrics").handler(h.ops()::metrics);
        router.get("/api/v1/openapi.yaml").handler(h.ops()::openApi);

        router.post("/api/v1/auth/login").handler(h.auth()::login);
        router.get("/api/v1/auth/me").handler(staff).handler(h.auth()::me);
        router.get("/api/v1/staff").handler(supervisor).handler(h.auth()::listStaff);
        router.post("/api/v1/staff").handler(admin).handler(h.auth()::addStaff);
        router.put("/api/v1/staff/:username/password").handler(admin).handler(h.auth()::setPassword);
        // hardening (issue 12): sessions end, accounts are disabled rather than deleted
        router.post("/api/v1/auth/logout").handler(staff).handler(h.auth()::logout);
        router.post("/api/v1/staff/:username/disable").handler(admin).handler(h.auth()::disable);
        router.post("/api/v1/staff/:username/enable").handler(admin).handler(h.auth()::enable);

        router.get("/api/v1/sites").handler(h.sites()::list);
        router.get("/api/v1/sites/:siteId").handler(h.sites()::get);
        router.get("/api/v1/sites/:siteId/queues").handler(h.sites()::queues);
        router.get("/api/v1/sites/:siteId/issuing").handler(h.issuing()::status);
        router.put("/api/v1/sites/:siteId/after-hours").handler(supervisor).handler(h.issuing()::setAfterHours);
        router.get("/api/v1/services").handler(h.sites()::services);

        router.post("/api/v1/tickets").handler(h.staffAuth().optionalStaff()).handler(h.tickets()::issue);
        router.get("/api/v1/tickets/:ticketId").handler(h.tickets()::get);
        router.post("/api/v1/tickets/:ticketId/cancel").handler(h.staffAuth().optionalStaff()).handler(h.tickets()::cancel);
        router.get("/api/v1/tickets").handler(staff).handler(h.workstation()::byNumber);
        router.get("/api/v1/tickets/:ticketId/details").handler(staff).handler(h.workstation()::details);

        router.post("/api/v1/bookings").handler(h.staffAuth().optionalStaff()).handler(h.bookings()::limitRate)
                .handler(h.bookings()::book);
        router.get("/api/v1/bookings").handler(staff).handler(h.bookings()::search);
        router.get("/api/v1/bookings/:code").handler(staff).handler(h.bookings()::get);
        router.post("/api/v1/bookings/:code/check-in").handler(staff).handler(h.bookings()::checkIn);
        router.post("/api/v1/bookings/:code/cancel").handler(staff).handler(h.bookings()::cancel);
        // Booking by phone (issue 11): public, code and phone only in bodies.
        router.get("/api/v1/booking-info").handler(h.bookings()::info);
        router.get("/api/v1/slots").handler(h.bookings()::limitRate).handler(h.bookings()::slots);
        router.post("/api/v1/bookings/find").handler(h.bookings()::limitRate).handler(h.bookings()::findOwn);
        router.post("/api/v1/bookings/move").handler(h.bookings()::limitRate).handler(h.bookings()::moveOwn);
        router.post("/api/v1/bookings/cancel").handler(h.bookings()::limitRate).handler(h.bookings()::cancelOwn);
        router.post("/api/v1/bookings/check-in").handler(h.bookings()::limitRate).handler(h.bookings()::checkInOwn);
        router.post("/api/v1/kiosk/:siteId/check-in").handler(h.bookings()::checkInAtKiosk);
        router.get("/api/v1/usual-waits").handler(h.bookings()::limitRate).handler(h.bookings()::usualWaits);
        router.post("/api/v1/remote-tickets").handler(h.bookings()::limitRate).handler(h.bookings()::takeRemote);
        router.get("/api/v1/notifications/failed").handler(supervisor).handler(h.bookings()::failedNotifications);

        router.get("/api/v1/counters").handler(h.counters()::list);
        router.get("/api/v1/counter-actions").handler(h.counters()::actions);
        router.get("/api/v1/counters/:counterId").handler(h.counters()::get);
        router.get("/api/v1/counters/:counterId/stats").handler(staff).handler(h.workstation()::counterToday);
        router.post("/api/v1/counters/:counterId/open").handler(staff).handler(h.counters()::open);
        router.post("/api/v1/counters/:counterId/pause").handler(staff).handler(h.counters()::pause);
        router.post("/api/v1/counters/:counterId/resume").handler(staff).handler(h.counters()::resume);
        router.post("/api/v1/counters/:counterId/close").handler(staff).handler(h.counters()::close);
        router.post("/api/v1/counters/:counterId/call-next").handler(staff).handler(h.counters()::callNext);
        router.post("/api/v1/counters/:counterId/call").handler(staff).handler(h.counters()::call);
        router.post("/api/v1/counters/:counterId/recall").handler(staff).handler(h.counters()::recall);
        router.post("/api/v1/counters/:counterId/start").handler(staff).handler(h.counters()::start);
        router.post("/api/v1/counters/:counterId/complete").handler(staff).handler(h.counters()::complete);
        router.post("/api/v1/counters/:counterId/no-show").handler(staff).handler(h.counters()::noShow);
        router.post("/api/v1/counters/:counterId/return").handler(staff).handler(h.counters()::returnToQueue);
        router.post("/api/v1/counters/:counterId/transfer").handler(staff).handler(h.counters()::transfer);

        router.get("/api/v1/kiosk/:siteId").handler(h.printing().kiosk()::get);
        router.get("/api/v1/printers").handler(supervisor).handler(h.printing().printers()::list);
        router.get("/api/v1/printers/:printerId").handler(h.printing().printers()::get);
        router.post("/api/v1/printers/:printerId/token").handler(admin).handler(h.printing().printers()::issueToken);

        // Reports and ratings (issue 14)
        router.get("/api/v1/reports/summary").handler(supervisor).handler(h.reporting().reports()::summary);
        router.post("/api/v1/reports/exports").handler(supervisor).handler(h.reporting().reports()::startExport);
        router.get("/api/v1/reports/exports/:exportId").handler(supervisor).handler(h.reporting().reports()::exportStatus);
        router.get("/api/v1/reports/exports/:exportId/file").handler(supervisor).handler(h.reporting().reports()::exportFile);
        router.get("/api/v1/rating-options").handler(h.reporting().ratings()::options);
        router.post("/api/v1/counters/:counterId/rating-token").handler(admin).handler(h.reporting().ratings()::issueTabletToken);
        router.post("/api/v1/counters/:counterId/ratings").handler(h.reporting().ratings()::rateAtCounter);
        router.get("/api/v1/tickets/:ticketId/rating").handler(h.reporting().ratings()::status);
        router.post("/api/v1/tickets/:ticketId/rating").handler(h.reporting().ratings()::rateFromPhone);
        // Balancing the sites (issue 10)
        router.get("/api/v1/recommendation").handler(h.balancing()::recommendation);
        router.post("/api/v1/notices").handler(supervisor).handler(h.managers()::postNotice);
        router.get("/api/v1/audit").handler(supervisor).handler(h.managers()::audit);
        router.post("/api/v1/sites/:siteId/move-tickets").handler(supervisor).handler(h.managers()::moveTickets);
        router.put("/api/v1/counters/:counterId/services").handler(supervisor).handler(h.managers()::counterServices);
        router.get("/api/v1/plan").handler(supervisor).handler(h.plan()::get);
        router.get("/api/v1/sites/:siteId/waiting-today").handler(supervisor).handler(h.managers()::waitingToday);
        router.get("/api/v1/suggestions").handler(supervisor).handler(h.managers()::suggestions);
        router.post("/api/v1/suggestions/:suggestionId/accept").handler(supervisor).handler(h.managers()::acceptSuggestion);

        router.get("/ws/sites/:siteId").handler(h.siteSockets()::connect);
        router.get("/ws/tickets/:ticketId").handler(h.ticketSockets()::connect);
        router.get("/ws/printers/:printerId").handler(h.printing().printerSockets()::connect);

        router.get("/t/:ticketId").handler(h.tickets()::track);
        router.route("/*").handler(new PageCaching(vertx, "webroot")).handler(StaticHandler.create("webroot")
                .setCachingEnabled(true).setMaxAgeSeconds(0).skipCompressionForSuffixes(PageCaching.BINARY_SUFFIXES));

        router.route().failureHandler(h.failures()::handle);
        router.errorHandler(404, h.failures()::handle);
        router.errorHandler(405, h.failures()::handle);
        return router;
    }
}
