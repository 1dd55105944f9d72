package vn.luot.core.support;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import vn.luot.core.LuotServer;
import vn.luot.core.config.ConfigLoader;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.ticket.IssuingHours;
import vn.luot.core.metrics.VertxFactory;

/**
 * A real Lượt server for one test class: the shipped configuration, a fresh database on the shared
 * embedded PostgreSQL, a random port and a clock the test controls.
 */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    public static final String JWT_SECRET = "a-test-secret-that-is-long-enough-for-hs256";
    public static final String STAFF_PASSWORD = "staff-password-123";

    private final Vertx vertx;
    private final LuotServer server;
    private final String databaseUrl;
    private final MutableClock clock;
    private final ApiClient api;
    private final LuotConfig config;

    private TestServer(Vertx vertx, LuotServer server, String databaseUrl, MutableClock clock, LuotConfig config) {
        this.vertx = vertx;
        this.server = server;
        this.databaseUrl = databaseUrl;
        this.clock = clock;
        this.config = config;
        this.api = new ApiClient("http://localhost:" + server.port());
    }

    public static TestServer start() {
        return start(UnaryOperator.identity());
    }

    /** The shipped configuration, but numbers at any hour: for tests about midnight, not about opening hours. */
    public static LuotConfig atAnyHour(LuotConfig config) {
        return config.withQueue(new LuotConfig.Queue(config.queue().maxPriorityCallsInRow(),
                config.queue().serviceTimeSmoothing(), config.queue().serviceTimeLogSmoothing(),
                new IssuingHours(config.queue().issuingHours().early(), false)));
    }

    /** Starts a server with the shipped configuration, changed by {@code tweak}. */
    public static TestServer start(UnaryOperator<LuotConfig> tweak) {
        return start(tweak, TestDatabase.fresh(), MutableClock.workingMorning());
    }

    public static TestServer start(UnaryOperator<LuotConfig> tweak, String databaseUrl, MutableClock clock) {
        LuotConfig shipped = ConfigLoader.load(shippedConfig(),
                Map.of("LUOT_PORT", "0", "LUOT_ADMIN_PASSWORD", ADMIN_PASSWORD));
        LuotConfig config = tweak.apply(shipped.withSecurity(new LuotConfig.Security(
                shipped.security().tokenTtl(), 1000, JWT_SECRET, ADMIN_PASSWORD)));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = VertxFactory.create(registry);
        LuotServer server = LuotServer.start(vertx, config, databaseUrl, JWT_SECRET, registry, clock).await();
        return new TestServer(vertx, server, databaseUrl, clock, config);
    }

    /** {@code config/default.yaml}, found from any module of the repository. */
    public static Path shippedConfig() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(ConfigLoader.DEFAULT_FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("config/default.yaml not found above " + Path.of("").toAbsolutePath());
    }

    public ApiClient api() {
        return api;
    }

    public MutableClock clock() {
        return clock;
    }

    public LuotConfig config() {
        return config;
    }

    public int port() {
        return server.port();
    }

    public LuotServer server() {
        return server;
    }

    /** The server's Vert.x, for deploying what a test arranges beside it. */
    public Vertx vertx() {
        return vertx;
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    public String wsUrl(String path) {
        return "ws://localhost:" + server.port() + path;
    }

    public long count(String sql) {
        return TestDatabase.count(databaseUrl, sql);
    }

    public String adminToken() {
        return login("admin", ADMIN_PASSWORD);
    }

    public String login(String username, String password) {
        ApiClient.Response r = api.post("/api/v1/auth/login",
                new JsonObject().put("username", username).put("password", password));
        if (r.status() != 200) {
            throw new AssertionError("login failed: " + r.status() + " " + r.body());
        }
        return r.json().getString("token");
    }

    /** Creates a staff account with a random name and returns its token. */
    public String newStaff(String role) {
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response r = api.post("/api/v1/staff", new JsonObject().put("username", username)
                        .put("displayName", username).put("role", role).put("password", STAFF_PASSWORD),
                "Authorization", "Bearer " + adminToken());
        if (r.status() != 201) {
            throw new AssertionError("could not add staff: " + r.status() + " " + r.body());
        }
        return login(username, STAFF_PASSWORD);
    }

    /** Issues a normal kiosk ticket and returns the response body. */
    public JsonObject issue(String siteId, String serviceId) {
        return issue(new JsonObject().put("siteId", siteId).put("serviceId", serviceId));
    }

    public JsonObject issue(JsonObject request) {
        ApiClient.Response r = api.post("/api/v1/tickets", request);
        if (r.status() != 201) {
            throw new AssertionError("could not issue: " + r.status() + " " + r.body());
        }
        return r.json();
    }

    /** Cancels a ticket as its holder: with the holder secret of its 201 answer. */
    public ApiClient.Response cancel(JsonObject issued) {
        return api.post("/api/v1/tickets/" + issued.getString("id") + "/cancel", null,
                "X-Holder-Secret", issued.getString("holderSecret"));
    }

    /** Opens a counter with the given services, as the holder of the token. */
    public JsonObject open(int counter, String token, String... services) {
        ApiClient.Response r = api.post("/api/v1/counters/" + counter + "/open",
                new JsonObject().put("services", new JsonArray(java.util.List.of(services))), bearer(token));
        if (r.status() != 200) {
            throw new AssertionError("could not open counter: " + r.status() + " " + r.body());
        }
        return r.json();
    }

    /** A counter action with no body; returns the response. */
    public ApiClient.Response act(int counter, String action, String token) {
        return api.post("/api/v1/counters/" + counter + "/" + action, null, bearer(token));
    }

    public static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    @Override
    public void close() {
        server.stop().compose(stopped -> vertx.close()).await();
    }
}
