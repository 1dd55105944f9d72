package vn.luot.core;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VertxOptions;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.luot.core.auth.HolderSecrets;
import vn.luot.core.auth.StaffAccounts;
import vn.luot.core.auth.StaffService;
import vn.luot.core.auth.Tokens;
import vn.luot.core.booking.BookingJobs;
import vn.luot.core.balancing.BalancingService;
import vn.luot.core.balancing.HallLines;
import vn.luot.core.balancing.Recommendations;
import vn.luot.core.domain.notify.BookingNotices;
import vn.luot.core.domain.ticket.ServiceDay;
import vn.luot.core.notify.LogNotifier;
import vn.luot.core.notify.Notifier;
import vn.luot.core.notify.OutboxSender;
import vn.luot.core.notify.TurnNearWatcher;
import vn.luot.core.notify.WebhookNotifier;
import vn.luot.core.store.OutboxStore;
import vn.luot.core.balancing.Suggestions;
import vn.luot.core.booking.BookingService;
import vn.luot.core.booking.DailyLimits;
import vn.luot.core.store.ErasureStore;
import vn.luot.core.store.LimitStore;
import vn.luot.core.store.RateLimitStore;
import vn.luot.core.booking.RemoteTickets;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.db.DatabasePool;
import vn.luot.core.db.Migrations;
import vn.luot.core.domain.printing.PrinterDefinition;
import vn.luot.core.events.EventPublisher;
import vn.luot.core.events.impl.LocalEventPublisher;
import vn.luot.core.http.ApiRouter;
import vn.luot.core.http.ClientAddress;
import vn.luot.core.http.AuthHandler;
import vn.luot.core.http.BalancingHandler;
import vn.luot.core.http.BookingHandler;
import vn.luot.core.http.CounterHandler;
import vn.luot.core.http.Failures;
import vn.luot.core.http.HttpServerVerticle;
import vn.luot.core.http.IssuingHandler;
import vn.luot.core.http.KioskHandler;
import vn.luot.core.http.ManagerHandler;
import vn.luot.core.http.OpsHandler;
import vn.luot.core.http.PlanHandler;
import vn.luot.core.http.PrinterHandler;
import vn.luot.core.http.RatingHandler;
import vn.luot.core.http.ReportHandler;
import vn.luot.core.http.SiteHandler;
import vn.luot.core.http.StaffAuth;
import vn.luot.core.http.TicketHandler;
import vn.luot.core.http.WorkstationHandler;
import vn.luot.core.json.JsonViews;
import vn.luot.core.json.StaffViews;
import vn.luot.core.live.LiveHub;
import vn.luot.core.planning.PlanningService;
import vn.luot.core.live.SiteSocketHandler;
import vn.luot.core.live.TicketSocketHandler;
import vn.luot.core.limits.LoginThrottle;
import vn.luot.core.limits.RateLimiter;
import vn.luot.core.limits.SocketsPerClient;
import vn.luot.core.metrics.FanOutMeter;
import vn.luot.core.metrics.QueueMetrics;
import vn.luot.core.printing.PrinterHub;
import vn.luot.core.printing.PrinterService;
import vn.luot.core.printing.PrinterSocketHandler;
import vn.luot.core.queue.IssuingService;
import vn.luot.core.queue.QueueService;
import vn.luot.core.queue.impl.IssueBatcher;
import vn.luot.core.ratings.RatingService;
import vn.luot.core.reports.ExportService;
import vn.luot.core.reports.ReportService;
import vn.luot.core.store.AfterHoursStore;
import vn.luot.core.store.BalancingStore;
import vn.luot.core.store.PrintStore;
import vn.luot.core.store.BookingStore;
import vn.luot.core.store.QueueStore;
import vn.luot.core.store.RatingStore;
import vn.luot.core.store.ExportStore;
import vn.luot.core.store.ReportStore;
import vn.luot.core.store.StaffStore;
import vn.luot.core.workstation.StaffLookup;

/**
 * Wires the server together and starts it: schema, counters, first admin, live hub, HTTP servers.
 * {@link Main} uses it for the real thing; tests use it to start a server on a fresh database.
 */
public final class LuotServer {
    private static final Logger LOG = LoggerFactory.getLogger(LuotServer.class);

    private final Vertx vertx;
    private final Pool pool;
    private final Pool reportPool;
    private final List<String> deployments;
    private final int port;
    private final ApiRouter.Handlers handlers;

    private LuotServer(Vertx vertx, Pool pool, Pool reportPool, List<String> deployments, int port,
                       ApiRouter.Handlers handlers) {
        this.vertx = vertx;
        this.pool = pool;
        this.reportPool = reportPool;
        this.deployments = deployments;
        this.port = port;
        this.handlers = handlers;
    }

    /**
     * @param databaseUrl where PostgreSQL is (the embedded one's URL, or LUOT_DB_URL)
     * @param jwtSecret   the resolved token-signing key (see {@link vn.luot.core.auth.JwtSecret})
     */
    public static Future<LuotServer> start(Vertx vertx, LuotConfig config, String databaseUrl, String jwtSecret,
                                           PrometheusMeterRegistry registry, Clock clock) {
        return start(vertx, config, databaseUrl, jwtSecret, registry, clock, StartPhases.sinceNow());
    }

    /** As above, noting in {@code phases} how long each step of the start took (Main logs them at ready). */
    static Future<LuotServer> start(Vertx vertx, LuotConfig config, String databaseUrl, String jwtSecret,
                                    PrometheusMeterRegistry registry, Clock clock, StartPhases phases) {
        Pool pool = DatabasePool.create(vertx, databaseUrl, config.database());
        Pool reportPool = DatabasePool.create(vertx, databaseUrl, config.database(), config.reports().poolSize(),
                "luot-reports");
        ReportStore reportStore = ReportStore.create(reportPool);
        ReportService reports = new ReportService(reportStore, config.catalogue(), clock,
                config.booking().slots().slotLength());
        ExportService exports = new ExportService(vertx, reportStore, ExportStore.create(pool, reportPool), reports,
                config.catalogue(), clock);
        QueueStore store = QueueStore.create(pool, config.booking().calledAtTheirSlot());
        HolderSecrets holderSecrets = new HolderSecrets(jwtSecret);
        JsonViews views = new JsonViews(config.catalogue().timeZone(), config.server().publicUrl(), holderSecrets);
        QueueMetrics metrics = new QueueMetrics(registry);
        LiveHub hub = new LiveHub(store, config, views, clock, metrics.watchedTickets(), new FanOutMeter(registry));
        EventPublisher events = new LocalEventPublisher(hub);
        SocketsPerClient socketsPerClient = new SocketsPerClient(config.server().maxSocketsPerClient());
        RateLimiter rates = new RateLimiter(RateLimitStore.create(pool), clock);
        IssuingService issuing = IssuingService.create(AfterHoursStore.create(pool), config, clock);
        IssueBatcher batcher = new IssueBatcher(store::issueAll, config.database().issueBatch(), metrics.issueBatchSizes());
        QueueService queue = QueueService.create(store, events, hub, config, metrics, clock, issuing, holderSecrets,
                batcher);
        Tokens tokens = new Tokens(vertx, jwtSecret, config.security().tokenTtl());
        StaffStore staffStore = StaffStore.create(pool);
        StaffAccounts accounts = new StaffAccounts(staffStore);
        StaffService staff = StaffService.create(vertx, staffStore, tokens,
                config.security().passwordHashIterations(), accounts);
        PrintStore printStore = PrintStore.create(pool);
        PrinterService printers = new PrinterService(config.printing(), printStore, clock);
        PrinterHub printerHub = new PrinterHub(databaseUrl);
        BookingNotices notices = new BookingNotices(config.catalogue(), config.messages().reminderLead());
        OutboxStore outbox = OutboxStore.create(pool);
        BookingService bookings = new BookingService(BookingStore.create(pool, config.catalogue().timeZone(), notices, clock),
                queue, config.catalogue(), config.booking(), clock);
        Notifier notifier = config.messages().webhookUrl() == null ? new LogNotifier()
                : new WebhookNotifier(vertx, config.messages().webhookUrl(), config.messages().webhookSecret(),
                config.messages().timeout());
        TurnNearWatcher turnNear = new TurnNearWatcher(outbox, queue, notices, config.booking().turnNearAhead(),
                config.catalogue().timeZone(), clock);
        StaffLookup lookup = new StaffLookup(queue, store, ReportStore.create(pool), bookings,
                config.catalogue().timeZone(), clock);
        StaffViews staffViews = new StaffViews(views);
        HallLines hallLines = HallLines.of(hub, config.catalogue().sites().stream().map(s -> s.id()).toList());
        Recommendations recommendations = new Recommendations(config.catalogue(), config.balancing(), hallLines);
        BalancingStore balancingStore = BalancingStore.create(pool);
        BalancingService balancing = new BalancingService(config, balancingStore, events, hub, views, clock);
        Suggestions suggestions = new Suggestions(config, hub, balancing, balancingStore, vertx);
        ApiRouter.Handlers handlers = new ApiRouter.Handlers(
                new TicketHandler(queue, views, holderSecrets),
                new CounterHandler(queue, views),
                new SiteHandler(config, hub, views, clock),
                new AuthHandler(staff, views, new LoginThrottle(config.security().loginThrottle(), rates)),
                new OpsHandler(store, registry),
                new SiteSocketHandler(hub, config.catalogue(), metrics.openSockets("site"), socketsPerClient),
                new TicketSocketHandler(hub, store, metrics.openSockets("ticket"), socketsPerClient),
                new StaffAuth(tokens, accounts),
                new Failures(config.server().maxBodyBytes(), config.catalogue()),
                config.server().maxBodyBytes(),
                new ClientAddress(config.server().trustedProxies()),
                new ApiRouter.Printing(new KioskHandler(config, hub, views, clock, issuing),
                        new PrinterHandler(printers, views),
                        new PrinterSocketHandler(printers, printStore, printerHub, clock, config.catalogue().timeZone(),
                                metrics.openSockets("printer"))),
                new BookingHandler(bookings, new RemoteTickets(queue, config.booking().remoteMargin()), outbox,
                        new DailyLimits(LimitStore.create(pool), config.booking().limits(), config.catalogue().timeZone(), clock),
                        rates, staffViews, views, config, clock,
                        new vn.luot.core.booking.UsualWaitReader(reportStore, config.catalogue(),
                                config.booking().usualWaits(), clock)),
                new WorkstationHandler(lookup, staffViews),
                new IssuingHandler(issuing, views),
                new ApiRouter.Reporting(new ReportHandler(reports, exports), new RatingHandler(
                        new RatingService(RatingStore.create(pool), store, config.ratings(), clock), views, holderSecrets), exports),

                new BalancingHandler(recommendations, config.catalogue(), views, clock),
                new ManagerHandler(balancing, suggestions, views, config.catalogue().timeZone(), clock),

                new PlanHandler(new PlanningService(vertx, config), clock, config.catalogue().timeZone()));
        List<String> deployments = new ArrayList<>();
        phases.finished("wiring");

        return Migrations.run(pool)
                .compose(migrated -> logDurability(pool))
                .onSuccess(checked -> phases.finished("migrations check"))
                .compose(checked -> store.seedCounters(config.catalogue().counters()))
                .compose(seeded -> printStore.seedPrinters(
                        config.printing().printers().stream().map(PrinterDefinition::id).toList()))
                .compose(seeded -> createFirstAdmin(staff, config))
                .onSuccess(admin -> phases.finished("seeds"))
                .compose(admin -> vertx.deployVerticle(batcher))
                .compose(batcherId -> {
                    deployments.add(batcherId);
                    return vertx.deployVerticle(hub);
                })
                .compose(hubId -> {
                    deployments.add(hubId);
                    return balancing.restoreNotices();
                })
                .onSuccess(restored -> phases.finished("boards loaded"))
                .compose(restored -> vertx.deployVerticle(printerHub))
                .compose(printerHubId -> {
                    deployments.add(printerHubId);
                    return vertx.deployVerticle(new BookingJobs(bookings, turnNear, erasure(pool, config, clock),
                            config.booking().jobsEvery(), registry));
                })
                .compose(bookingJobsId -> {
                    deployments.add(bookingJobsId);
                    return vertx.deployVerticle(new OutboxSender(outbox, notifier, config.messages().templates(),
                            config.messages().retry(), config.messages().sendEvery(), clock));
                })
                .compose(senderId -> {
                    deployments.add(senderId);
                    phases.finished("printer hub and jobs");
                    return deployHttp(vertx, v -> ApiRouter.create(v, handlers), config.server(), deployments);
                })
                .onSuccess(port -> phases.finished("http listen"))
                .map(port -> new LuotServer(vertx, pool, reportPool, deployments, port, handlers))
                .onFailure(e -> {
                    pool.close();
                    reportPool.close();
                });
    }

    /** The daily erasure of personal data older than booking.keepPersonalDataDays (see the README). */
    private static BookingJobs.Erasure erasure(Pool pool, LuotConfig config, Clock clock) {
        ErasureStore store = ErasureStore.create(pool);
        return new BookingJobs.Erasure() {
            @Override
            public Future<ErasureStore.Erased> run() {
                java.time.LocalDate today = ServiceDay.of(clock.instant(), config.catalogue().timeZone());
                return store.eraseBefore(today.minusDays(config.booking().keepPersonalDataDays()), clock.instant());
            }

            @Override
            public java.time.Instant now() {
                return clock.instant();
            }
        };
    }

    public int port() {
        return port;
    }

    public Pool pool() {
        return pool;
    }

    /** The routes the server answers, for checking them against the API description. */
    public List<Route> routes() {
        return ApiRouter.create(vertx, handlers).getRoutes();
    }

    public Future<Void> stop() {
        Future<Void> undeployed = Future.succeededFuture();
        for (String id : deployments) {
            undeployed = undeployed.compose(done -> vertx.undeploy(id));
        }
        return undeployed.compose(done -> handlers.reporting().exports().close())
                .compose(done -> reportPool.close())
                .compose(done -> pool.close());
    }

    /**
     * One server per event loop, all sharing one port. Port 0 means "any free port": Vert.x shares a
     * random port between servers that ask for the same negative port, so 0 becomes -1 here.
     */
    private static Future<Integer> deployHttp(Vertx vertx, Function<Vertx, Router> routes, LuotConfig.Server settings,
                                              List<String> deployments) {
        int port = settings.port();
        int bindPort = port == 0 ? -1 : port;
        List<HttpServerVerticle> servers = new CopyOnWriteArrayList<>();
        Supplier<HttpServerVerticle> instance = () -> {
            HttpServerVerticle server = new HttpServerVerticle(routes, bindPort, settings);
            servers.add(server);
            return server;
        };
        return vertx.deployVerticle(instance, new DeploymentOptions().setInstances(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE))
                .map(id -> {
                    deployments.add(id);
                    return servers.get(0).actualPort();
                });
    }

    private static Future<Void> createFirstAdmin(StaffService staff, LuotConfig config) {
        String password = config.security().adminPassword();
        if (password == null) {
            LOG.warn("No LUOT_ADMIN_PASSWORD is set: if no admin account exists yet, nobody can log in. "
                    + "Set it (at least 10 characters) and restart to create the '{}' account.", StaffService.FIRST_ADMIN);
            return Future.succeededFuture();
        }
        return staff.ensureFirstAdmin(password).map(created -> {
            if (created) {
                LOG.info("Created the first admin account '{}' from LUOT_ADMIN_PASSWORD", StaffService.FIRST_ADMIN);
            }
            return null;
        });
    }

    /** A queue that acknowledges tickets must not lose them: say loudly if the database might. */
    private static Future<Void> logDurability(Pool pool) {
        return pool.query("SELECT current_setting('fsync'), current_setting('synchronous_commit')").execute()
                .map(rows -> {
                    var row = rows.iterator().next();
                    String fsync = row.getString(0);
                    String syncCommit = row.getString(1);
                    if ("on".equals(fsync) && !"off".equals(syncCommit) && !"local".equals(syncCommit)) {
                        LOG.info("PostgreSQL durability: fsync={}, synchronous_commit={}", fsync, syncCommit);
                    } else {
                        LOG.warn("PostgreSQL durability is OFF (fsync={}, synchronous_commit={}): acknowledged "
                                + "tickets may be lost in a crash", fsync, syncCommit);
                    }
                    return null;
                });
    }
}
