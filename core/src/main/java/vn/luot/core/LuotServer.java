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
import vn.luot.core.auth.StaffService;
import vn.luot.core.auth.Tokens;
import vn.luot.core.booking.BookingJobs;
import vn.luot.core.balancing.BalancingService;
import vn.luot.core.balancing.HallLines;
import vn.luot.core.balancing.Recommendations;
import vn.luot.core.booking.BookingService;
import vn.luot.core.booking.RemoteTickets;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.db.DatabasePool;
import vn.luot.core.db.Migrations;
import vn.luot.core.domain.printing.PrinterDefinition;
import vn.luot.core.events.EventPublisher;
import vn.luot.core.events.impl.LocalEventPublisher;
import vn.luot.core.http.ApiRouter;
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
import vn.luot.core.live.SiteSocketHandler;
import vn.luot.core.live.TicketSocketHandler;
import vn.luot.core.limits.SocketsPerClient;
import vn.luot.core.metrics.QueueMetrics;
import vn.luot.core.printing.PrinterHub;
import vn.luot.core.printing.PrinterService;
import vn.luot.core.printing.PrinterSocketHandler;
import vn.luot.core.queue.IssuingService;
import vn.luot.core.queue.QueueService;
import vn.luot.core.ratings.RatingService;
import vn.luot.core.reports.ReportService;
import vn.luot.core.store.AfterHoursStore;
import vn.luot.core.store.BalancingStore;
import vn.luot.core.store.PrintStore;
import vn.luot.core.store.BookingStore;
import vn.luot.core.store.QueueStore;
import vn.luot.core.store.RatingStore;
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
        ReportService reports = new ReportService(ReportStore.create(reportPool), config.catalogue(), clock);
        QueueStore store = QueueStore.create(pool, config.booking().calledAtTheirSlot());
        HolderSecrets holderSecrets = new HolderSecrets(jwtSecret);
        JsonViews views = new JsonViews(config.catalogue().timeZone(), config.server().publicUrl(), holderSecrets);
        QueueMetrics metrics = new QueueMetrics(registry);
        LiveHub hub = new LiveHub(store, config, views, clock, metrics.watchedTickets());
        EventPublisher events = new LocalEventPublisher(hub);
        SocketsPerClient socketsPerClient = new SocketsPerClient(config.server().maxSocketsPerClient());
        IssuingService issuing = IssuingService.create(AfterHoursStore.create(pool), config, clock);
        QueueService queue = QueueService.create(store, events, hub, config, metrics, clock, issuing, holderSecrets);
        Tokens tokens = new Tokens(vertx, jwtSecret, config.security().tokenTtl());
        StaffService staff = StaffService.create(vertx, StaffStore.create(pool), tokens,
                config.security().passwordHashIterations());
        PrintStore printStore = PrintStore.create(pool);
        PrinterService printers = new PrinterService(config.printing(), printStore, clock);
        PrinterHub printerHub = new PrinterHub(databaseUrl);
        BookingService bookings = new BookingService(BookingStore.create(pool, config.catalogue().timeZone()), queue,
                config.catalogue(), config.booking(), clock);
        StaffLookup lookup = new StaffLookup(queue, store, ReportStore.create(pool), bookings,
                config.catalogue().timeZone(), clock);
        StaffViews staffViews = new StaffViews(views);
        HallLines hallLines = HallLines.of(hub, config.catalogue().sites().stream().map(s -> s.id()).toList());
        Recommendations recommendations = new Recommendations(config.catalogue(), config.balancing(), hallLines);
        BalancingService balancing = new BalancingService(config, BalancingStore.create(pool), store, events, hub, views,
                clock);
        ApiRouter.Handlers handlers = new ApiRouter.Handlers(
                new TicketHandler(queue, views, holderSecrets),
                new CounterHandler(queue, views),
                new SiteHandler(config, hub, views, clock),
                new AuthHandler(staff, views),
                new OpsHandler(store, registry),
                new SiteSocketHandler(hub, config.catalogue(), metrics.openSockets("site"), socketsPerClient),
                new TicketSocketHandler(hub, store, metrics.openSockets("ticket"), socketsPerClient),
                new StaffAuth(tokens),
                new Failures(config.server().maxBodyBytes(), config.catalogue()),
                config.server().maxBodyBytes(),
                new ApiRouter.Printing(new KioskHandler(config, hub, views, clock, issuing),
                        new PrinterHandler(printers, views),
                        new PrinterSocketHandler(printers, printStore, printerHub, clock, config.catalogue().timeZone(),
                                metrics.openSockets("printer"))),
                new BookingHandler(bookings, new RemoteTickets(queue, config.booking().remoteMargin()), staffViews, views,
                        config, clock),
                new WorkstationHandler(lookup, staffViews),
                new IssuingHandler(issuing, views),
                new ApiRouter.Reporting(new ReportHandler(reports), new RatingHandler(
                        new RatingService(RatingStore.create(pool), store, config.ratings(), clock), views)),
                new BalancingHandler(recommendations, config.catalogue(), views, clock),
                new ManagerHandler(balancing, views, config.catalogue().timeZone(), clock));
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
                .compose(admin -> vertx.deployVerticle(hub))
                .compose(hubId -> {
                    deployments.add(hubId);
                    return balancing.restoreNotices();
                })
                .onSuccess(restored -> phases.finished("boards loaded"))
                .compose(restored -> vertx.deployVerticle(printerHub))
                .compose(printerHubId -> {
                    deployments.add(printerHubId);
                    return vertx.deployVerticle(new BookingJobs(bookings, config.booking().jobsEvery(), registry));
                })
                .compose(bookingJobsId -> {
                    deployments.add(bookingJobsId);
                    phases.finished("printer hub and jobs");
                    return deployHttp(vertx, v -> ApiRouter.create(v, handlers), config.server().port(), deployments);
                })
                .onSuccess(port -> phases.finished("http listen"))
                .map(port -> new LuotServer(vertx, pool, reportPool, deployments, port, handlers))
                .onFailure(e -> {
                    pool.close();
                    reportPool.close();
                });
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
        return undeployed.compose(done -> reportPool.close()).compose(done -> pool.close());
    }

    /**
     * One server per event loop, all sharing one port. Port 0 means "any free port": Vert.x shares a
     * random port between servers that ask for the same negative port, so 0 becomes -1 here.
     */
    private static Future<Integer> deployHttp(Vertx vertx, Function<Vertx, Router> routes, int port,
                                              List<String> deployments) {
        int bindPort = port == 0 ? -1 : port;
        List<HttpServerVerticle> servers = new CopyOnWriteArrayList<>();
        Supplier<HttpServerVerticle> instance = () -> {
            HttpServerVerticle server = new HttpServerVerticle(routes, bindPort);
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
