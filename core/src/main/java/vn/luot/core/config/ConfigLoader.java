package vn.luot.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.CounterDefinition;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.catalogue.PriorityGroup;
import vn.luot.core.domain.catalogue.ServiceDefinition;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.domain.balancing.SiteRecommendation;
import vn.luot.core.domain.balancing.TravelTimes;
import vn.luot.core.domain.printing.PrinterDefinition;
import vn.luot.core.domain.rating.RatingReason;
import vn.luot.core.domain.rating.RatingRules;
import vn.luot.core.domain.simulation.SimulationSettings;
import vn.luot.core.domain.ticket.IssuingHours;
import vn.luot.core.domain.ticket.TicketNumbering;
import vn.luot.core.limits.LoginThrottle;

/**
 * Reads {@code config/default.yaml} (or the file named by {@code LUOT_CONFIG}), applies the environment
 * overrides, and checks everything before the server starts. A bad value stops the start with a
 * {@link ConfigException} that names the key and says what is wrong with it.
 */
public final class ConfigLoader {
    public static final String DEFAULT_FILE = "config/default.yaml";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final double SHARE_TOLERANCE = 0.011;

    private ConfigLoader() {
    }

    /** The configuration the process was started with: the file and the environment. */
    public static LuotConfig fromEnvironment(Map<String, String> env) {
        return load(Path.of(env.getOrDefault("LUOT_CONFIG", DEFAULT_FILE)), env);
    }

    public static LuotConfig load(Path file, Map<String, String> env) {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(source + ": the configuration file does not exist (set LUOT_CONFIG, "
                    + "or start from the repository root)");
        }
        JsonNode tree;
        try {
            // A key written twice would silently keep the last one (a merge once left two): refuse it.
            tree = new ObjectMapper(new YAMLFactory())
                    .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .readTree(file.toFile());
        } catch (JacksonException e) {
            throw new ConfigException(source + ": is not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot be read: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ConfigException(source + ": must be a YAML mapping of settings");
        }
        return read(new ConfigNode(source, "", tree), new Overrides(env));
    }

    private static LuotConfig read(ConfigNode root, Overrides env) {
        ConfigNode centre = root.child("centre");
        String centreId = id(centre, "id");
        LocalizedText centreName = localized(centre, "name");
        ZoneId zone = zone(centre, "timeZone");
        centre.rejectUnknownKeys();

        LuotConfig.Server server = server(root.child("server"), env);
        LuotConfig.Database database = database(root.child("database"), env);
        LuotConfig.Security security = security(root.child("security"), env);
        LuotConfig.Queue queue = queue(root.child("queue"), env);
        LuotConfig.Announcements announcements = announcements(root.child("announcements"));

        List<PriorityGroup> groups = priorityGroups(root);
        List<ServiceDefinition> services = services(root);
        List<SiteDefinition> sites = sites(root, services);
        Map<LocalTime, Double> profile = arrivalProfile(root);
        LuotConfig.Kiosk kiosk = kiosk(root.child("kiosk"));
        LuotConfig.Printing printing = printing(root, sites);
        LuotConfig.Reports reports = reports(root.child("reports"));
        LuotConfig.Ratings ratings = ratings(root.child("ratings"));
        LuotConfig.Booking booking = BookingConfigReader.read(root.child("booking"), sites, services);
        LuotConfig.Balancing balancing = balancing(root.child("balancing"), sites);
        SimulationSettings simulation = simulation(root, profile, sites);
        LuotConfig.Notify messages = BookingConfigReader.notify(root.child("notify"), env);
        root.rejectUnknownKeys();

        Catalogue catalogue = new Catalogue(centreId, centreName, zone, sites, services, groups);
        Path dataDir = Path.of(env.get("LUOT_DATA_DIR").orElse("data"));
        return new LuotConfig(root.source(), catalogue, server, database, security, queue,
                announcements, profile, dataDir, kiosk, printing, reports, ratings, booking, balancing, simulation, messages);
    }

    private static LuotConfig.Reports reports(ConfigNode node) {
        int poolSize = node.integer("poolSize", 1, 20);
        node.rejectUnknownKeys();
        return new LuotConfig.Reports(poolSize);
    }

    private static LuotConfig.Ratings ratings(ConfigNode node) {
        int window = node.integer("windowHours", 1, 24 * 31);
        int thanks = node.integer("thanksSeconds", 3, 600);
        List<RatingReason> reasons = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConfigNode reason : node.objects("lowRatingReasons")) {
            String id = unique(reason, "id", id(reason, "id"), ids);
            reasons.add(new RatingReason(id, localized(reason, "name")));
            reason.rejectUnknownKeys();
        }
        node.rejectUnknownKeys();
        return new LuotConfig.Ratings(new RatingRules(Duration.ofHours(window), reasons), Duration.ofSeconds(thanks));
    }

    private static LuotConfig.Server server(ConfigNode node, Overrides env) {
        int filePort = node.integer("port", 0, 65535);
        int port = env.integer("LUOT_PORT", 0, 65535).orElse(filePort);
        String fileUrl = node.text("publicUrl");
        String publicUrl = env.get("LUOT_PUBLIC_URL").orElse(fileUrl);
        checkHttpUrl(publicUrl, env.has("LUOT_PUBLIC_URL") ? null : node, "publicUrl");
        int maxBody = node.integer("maxBodyBytes", 1024, 10 * 1024 * 1024);
        int socketsPerClient = node.has("maxSocketsPerClient") ? node.integer("maxSocketsPerClient", 1, 100_000)
                : LuotConfig.Server.DEFAULT_MAX_SOCKETS_PER_CLIENT;
        Duration headerTimeout = node.has("headerTimeoutSeconds")
                ? Duration.ofSeconds(node.integer("headerTimeoutSeconds", 1, 300)) : LuotConfig.Server.DEFAULT_HEADER_TIMEOUT;
        Duration idleTimeout = node.has("idleTimeoutSeconds")
                ? Duration.ofSeconds(node.integer("idleTimeoutSeconds", 15, 3600)) : LuotConfig.Server.DEFAULT_IDLE_TIMEOUT;
        node.rejectUnknownKeys();
        return new LuotConfig.Server(port, stripTrailingSlash(publicUrl), maxBody, socketsPerClient, headerTimeout,
                idleTimeout);
    }

    private static LuotConfig.Database database(ConfigNode node, Overrides env) {
        String fileUrl = node.optionalText("url", "");
        String url = env.get("LUOT_DB_URL").orElse(fileUrl);
        if (!url.isEmpty() && !(url.startsWith("postgresql://") || url.startsWith("postgres://"))) {
            throw env.has("LUOT_DB_URL")
                    ? new ConfigException("LUOT_DB_URL: must start with postgresql://, got '" + url + "'")
                    : node.error("url", "must be empty (embedded database) or start with postgresql://");
        }
        int filePoolSize = node.integer("poolSize", 1, 200);
        int poolSize = env.integer("LUOT_DB_POOL_SIZE", 1, 200).orElse(filePoolSize);
        int timeout = node.integer("connectTimeoutSeconds", 1, 60);
        Duration statementTimeout = node.has("statementTimeoutSeconds")
                ? Duration.ofSeconds(node.integer("statementTimeoutSeconds", 1, 600))
                : LuotConfig.Database.DEFAULT_STATEMENT_TIMEOUT;
        LuotConfig.IssueBatch issueBatch = node.has("issueBatch") ? issueBatch(node.child("issueBatch"))
                : LuotConfig.IssueBatch.DEFAULT;
        node.rejectUnknownKeys();
        return new LuotConfig.Database(url.isEmpty() ? null : url, poolSize, Duration.ofSeconds(timeout),
                statementTimeout, issueBatch);
    }

    /** database.issueBatch (issue 15): group commit for issuing tickets. */
    private static LuotConfig.IssueBatch issueBatch(ConfigNode node) {
        int window = node.integer("windowMillis", 0, 100);
        int maxSize = node.integer("maxSize", 1, 1000);
        int maxInFlight = node.integer("maxInFlight", 1, 64);
        node.rejectUnknownKeys();
        return new LuotConfig.IssueBatch(Duration.ofMillis(window), maxSize, maxInFlight);
    }

    private static LuotConfig.Security security(ConfigNode node, Overrides env) {
        int ttl = node.integer("tokenTtlMinutes", 1, 7 * 24 * 60);
        int iterations = node.integer("passwordHashIterations", 1000, 10_000_000);
        LoginThrottle.Limits throttle = node.has("loginThrottle") ? loginThrottle(node.child("loginThrottle"))
                : LoginThrottle.Limits.DEFAULT;
        node.rejectUnknownKeys();
        String secret = env.get("LUOT_JWT_SECRET").orElse(null);
        if (secret != null && secret.length() < 32) {
            throw new ConfigException("LUOT_JWT_SECRET: must be at least 32 characters long");
        }
        String adminPassword = env.get("LUOT_ADMIN_PASSWORD").orElse(null);
        return new LuotConfig.Security(Duration.ofMinutes(ttl), iterations, secret, adminPassword, throttle);
    }

    private static LoginThrottle.Limits loginThrottle(ConfigNode node) {
        int accountAttempts = node.integer("attemptsPerAccount", 1, 1000);
        int accountRefill = node.integer("accountRefillSeconds", 1, 3600);
        int addressAttempts = node.integer("attemptsPerAddress", 1, 100_000);
        int addressRefill = node.integer("addressRefillSeconds", 1, 3600);
        node.rejectUnknownKeys();
        return new LoginThrottle.Limits(accountAttempts, Duration.ofSeconds(accountRefill), addressAttempts,
                Duration.ofSeconds(addressRefill));
    }

    private static LuotConfig.Queue queue(ConfigNode node, Overrides env) {
        int maxPriority = node.integer("maxPriorityCallsInRow", 0, 100);
        double smoothing = node.decimal("serviceTimeSmoothing", 0.001, 1.0);
        int early = node.integer("numbersBeforeOpeningMinutes", 0, 240);
        boolean onlyInHours = node.bool("numbersOnlyInOpeningHours");
        String anyHour = env.get("LUOT_NUMBERS_AT_ANY_HOUR").orElse("false");
        if (!anyHour.equals("true") && !anyHour.equals("false")) {
            throw new ConfigException("LUOT_NUMBERS_AT_ANY_HOUR: must be true or false, got '" + anyHour + "'");
        }
        node.rejectUnknownKeys();
        return new LuotConfig.Queue(maxPriority, smoothing,
                new IssuingHours(Duration.ofMinutes(early), onlyInHours && !anyHour.equals("true")));
    }

    private static LuotConfig.Announcements announcements(ConfigNode node) {
        int first = node.integer("firstCallRepeats", 1, 5);
        int recall = node.integer("recallRepeats", 1, 5);
        int recent = node.integer("recentCallsShown", 1, 50);
        node.rejectUnknownKeys();
        return new LuotConfig.Announcements(first, recall, recent);
    }

    private static LuotConfig.Kiosk kiosk(ConfigNode node) {
        int shown = node.integer("numberShownSeconds", 3, 300);
        int shownPrinterOut = node.integer("numberShownWhenPrinterOutSeconds", 3, 600);
        node.rejectUnknownKeys();
        return new LuotConfig.Kiosk(Duration.ofSeconds(shown), Duration.ofSeconds(shownPrinterOut));
    }

    private static LuotConfig.Balancing balancing(ConfigNode node, List<SiteDefinition> sites) {
        TravelTimes travel = new TravelTimes(node.integer("travelMinutesDefault", 0, 600));
        List<String> siteIds = sites.stream().map(SiteDefinition::id).toList();
        for (ConfigNode pair : node.objects("travelMinutes")) {
            List<String> between = pair.texts("between");
            if (between.size() != 2 || between.get(0).equals(between.get(1))) {
                throw pair.error("between", "must name two different sites, got " + between);
            }
            for (String siteId : between) {
                if (!siteIds.contains(siteId)) {
                    throw pair.error("between", "names no site defined under sites: '" + siteId + "'");
                }
            }
            travel = travel.with(between.get(0), between.get(1), pair.integer("minutes", 0, 600));
            pair.rejectUnknownKeys();
        }
        ConfigNode detour = node.child("detourWorthIt");
        int minutesSaved = detour.integer("minMinutesSaved", 0, 480);
        double share = detour.decimal("maxShareOfWait", 0, 1);
        detour.rejectUnknownKeys();
        int aboutTheSame = node.integer("aboutTheSameMinutes", 0, 120);
        node.rejectUnknownKeys();
        return new LuotConfig.Balancing(travel, new SiteRecommendation(minutesSaved, share, aboutTheSame));
    }

    private static LuotConfig.Printing printing(ConfigNode root, List<SiteDefinition> sites) {
        ConfigNode settings = root.child("printing");
        int silence = settings.integer("bridgeSilentSeconds", 5, 3600);
        settings.rejectUnknownKeys();
        Set<String> siteIds = new HashSet<>();
        sites.forEach(s -> siteIds.add(s.id()));
        List<PrinterDefinition> printers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConfigNode node : root.objects("printers")) {
            String id = unique(node, "id", id(node, "id"), ids);
            String siteId = node.text("siteId");
            if (!siteIds.contains(siteId)) {
                throw node.error("siteId", "names no site defined under sites: '" + siteId + "'");
            }
            LocalizedText name = localized(node, "name");
            node.rejectUnknownKeys();
            printers.add(new PrinterDefinition(id, siteId, name));
        }
        return new LuotConfig.Printing(Duration.ofSeconds(silence), printers);
    }

    private static List<PriorityGroup> priorityGroups(ConfigNode root) {
        List<PriorityGroup> groups = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConfigNode node : root.objects("priorityGroups")) {
            String id = unique(node, "id", id(node, "id"), ids);
            groups.add(new PriorityGroup(id, localized(node, "name")));
            node.rejectUnknownKeys();
        }
        return groups;
    }

    private static List<ServiceDefinition> services(ConfigNode root) {
        List<ServiceDefinition> services = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        double shares = 0;
        for (ConfigNode node : root.objects("services")) {
            String id = unique(node, "id", id(node, "id"), ids);
            String prefix = node.text("prefix");
            if (!TicketNumbering.PREFIX.matcher(prefix).matches()) {
                throw node.error("prefix", "must be one to three capital letters (A-Z), got '" + prefix + "'");
            }
            unique(node, "prefix", prefix, prefixes);
            LocalizedText name = localized(node, "name");
            int mean = node.integer("meanServiceMinutes", 1, 480);
            int target = node.integer("targetWaitMinutes", 1, 480);
            double share = node.decimal("shareOfArrivals", 0, 1);
            shares += share;
            node.rejectUnknownKeys();
            services.add(new ServiceDefinition(id, prefix, name, Duration.ofMinutes(mean), Duration.ofMinutes(target),
                    share));
        }
        if (services.isEmpty()) {
            throw root.error("services", "must list at least one service");
        }
        if (Math.abs(shares - 1.0) > SHARE_TOLERANCE) {
            throw root.error("services", String.format(java.util.Locale.ROOT,
                    "the shareOfArrivals values add up to %.2f; they must add up to 1", shares));
        }
        return services;
    }

    private static List<SiteDefinition> sites(ConfigNode root, List<ServiceDefinition> services) {
        Set<String> serviceIds = new HashSet<>();
        services.forEach(s -> serviceIds.add(s.id()));
        List<SiteDefinition> sites = new ArrayList<>();
        Set<String> siteIds = new HashSet<>();
        Set<String> counterIds = new HashSet<>();
        for (ConfigNode node : root.objects("sites")) {
            String id = unique(node, "id", id(node, "id"), siteIds);
            LocalizedText name = localized(node, "name");
            List<String> offered = node.texts("services");
            for (int i = 0; i < offered.size(); i++) {
                if (!serviceIds.contains(offered.get(i))) {
                    throw node.error("services[" + i + "]", "names no service defined under services: '"
                            + offered.get(i) + "'");
                }
            }
            var hours = OpeningHoursReader.read(node.child("openingHours"));
            List<CounterDefinition> counters = new ArrayList<>();
            for (ConfigNode counter : node.objects("counters")) {
                int counterId = counter.integer("id", 1, 9999);
                unique(counter, "id", Integer.toString(counterId), counterIds);
                List<String> defaults = counter.texts("services");
                for (int i = 0; i < defaults.size(); i++) {
                    if (!offered.contains(defaults.get(i))) {
                        throw counter.error("services[" + i + "]", "'" + defaults.get(i)
                                + "' is not among the services of site '" + id + "'");
                    }
                }
                counter.rejectUnknownKeys();
                counters.add(new CounterDefinition(counterId, id, defaults));
            }
            node.rejectUnknownKeys();
            sites.add(new SiteDefinition(id, name, offered, hours, counters));
        }
        if (sites.isEmpty()) {
            throw root.error("sites", "must list at least one site");
        }
        return sites;
    }

    /** The day simulator's and planner's model of the visits; the arrival profile is read beside it. */
    private static SimulationSettings simulation(ConfigNode root, Map<LocalTime, Double> profile,
                                                 List<SiteDefinition> sites) {
        if (!root.has("simulation")) {
            return SimulationSettings.typical(profile);
        }
        ConfigNode node = root.child("simulation");
        int visits = node.integer("visitsPerDay", 1, 100_000);
        ConfigNode sharesNode = node.child("siteShares");
        Map<String, Double> shares = new LinkedHashMap<>();
        sharesNode.entries(key -> {
            if (sites.stream().noneMatch(s -> s.id().equals(key))) {
                throw sharesNode.error(key, "is not a site");
            }
            shares.put(key, sharesNode.decimal(key, 0, 1));
            return key;
        });
        double cv = node.decimal("serviceTimeVariation", 0.01, 5);
        double booked = node.decimal("bookedShare", 0, 1);
        int spread = node.integer("bookedArrivalSpreadMinutes", 0, 120);
        double noShow = node.decimal("bookedNoShowShare", 0, 1);
        double priority = node.decimal("priorityShare", 0, 1);
        int staff = node.integer("staffAvailable", 1, 1000);
        double within = node.decimal("targetShareWithinWait", 0.01, 0.999);
        node.rejectUnknownKeys();
        if (profile.isEmpty()) {
            throw root.error("arrivalProfile", "must give the share of visits by hour when simulation is set");
        }
        return new SimulationSettings(visits, profile, shares, cv, booked, Duration.ofMinutes(spread), noShow, priority,
                staff, within);
    }

    private static Map<LocalTime, Double> arrivalProfile(ConfigNode root) {
        if (!root.has("arrivalProfile")) {
            return Map.of();
        }
        ConfigNode node = root.child("arrivalProfile");
        Map<LocalTime, Double> profile = new LinkedHashMap<>();
        node.entries(key -> {
            try {
                profile.put(LocalTime.parse(key), node.decimal(key, 0, 1));
            } catch (DateTimeParseException e) {
                throw node.error(key, "must be a time of day such as \"07:00\"");
            }
            return key;
        });
        double sum = profile.values().stream().mapToDouble(Double::doubleValue).sum();
        if (!profile.isEmpty() && Math.abs(sum - 1.0) > SHARE_TOLERANCE) {
            throw root.error("arrivalProfile", String.format(java.util.Locale.ROOT,
                    "the shares add up to %.2f; they must add up to 1", sum));
        }
        return profile;
    }

    static LocalizedText localized(ConfigNode parent, String key) {
        ConfigNode node = parent.child(key);
        LocalizedText text = new LocalizedText(node.text("vi"), node.text("en"));
        node.rejectUnknownKeys();
        return text;
    }

    private static String id(ConfigNode node, String key) {
        String value = node.text(key);
        if (!ID.matcher(value).matches()) {
            throw node.error(key, "must be lower-case letters, digits and dashes (such as 'ho-tich'), got '"
                    + value + "'");
        }
        return value;
    }

    private static String unique(ConfigNode node, String key, String value, Set<String> seen) {
        if (!seen.add(value)) {
            throw node.error(key, "'" + value + "' is used twice; it must be unique");
        }
        return value;
    }

    private static ZoneId zone(ConfigNode node, String key) {
        String value = node.text(key);
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw node.error(key, "is not a known time zone such as Asia/Ho_Chi_Minh: '" + value + "'");
        }
    }

    private static void checkHttpUrl(String url, ConfigNode node, String key) {
        try {
            URI uri = new URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        String problem = "must be an http:// or https:// address, got '" + url + "'";
        throw node == null ? new ConfigException("LUOT_PUBLIC_URL: " + problem) : node.error(key, problem);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
