package vn.luot.core.config;

import java.net.URI;
import java.net.URISyntaxException;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.luot.core.domain.balancing.SiteRecommendation;
import vn.luot.core.domain.balancing.TravelTimes;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.CounterDefinition;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.catalogue.PriorityGroup;
import vn.luot.core.domain.catalogue.ServiceDefinition;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.domain.printing.PrinterDefinition;
import vn.luot.core.domain.rating.RatingReason;
import vn.luot.core.domain.rating.RatingRules;
import vn.luot.core.domain.simulation.SimulationSettings;
import vn.luot.core.domain.ticket.IssuingHours;
import vn.luot.core.limits.LoginThrottle;
import vn.luot.core.limits.TrustedProxies;
import vn.luot.settings.SettingsException;
import vn.luot.settings.YamlSettings;

/**
 * Reads {@code config/default.yaml} (or the file named by {@code LUOT_CONFIG}) onto {@link ConfigFile}
 * with the shared strict reader, checks what spans blocks (ids unique, references to sites and services
 * defined, shares adding up), applies the environment overrides and builds the {@link LuotConfig}. A bad
 * value stops the start with a {@link ConfigException} that names the file, the key's path and what is
 * wrong with it.
 */
public final class ConfigLoader {
    public static final String DEFAULT_FILE = "config/default.yaml";
    private static final double SHARE_TOLERANCE = 0.011;

    private final String source;

    private ConfigLoader(String source) {
        this.source = source;
    }

    /** The configuration the process was started with: the file and the environment. */
    public static LuotConfig fromEnvironment(Map<String, String> env) {
        return load(Path.of(env.getOrDefault("LUOT_CONFIG", DEFAULT_FILE)), env);
    }

    public static LuotConfig load(Path file, Map<String, String> env) {
        ConfigFile shape;
        try {
            shape = YamlSettings.read(file, ConfigFile.class);
        } catch (SettingsException e) {
            String hint = e.getMessage().endsWith("does not exist")
                    ? " (set LUOT_CONFIG, or start from the repository root)" : "";
            throw new ConfigException(e.getMessage() + hint, e);
        }
        return new ConfigLoader(file.toString()).build(shape, new Overrides(env));
    }

    /** A complaint about the key at {@code path}, such as {@code sites[1].counters[0].services[0]}. */
    ConfigException problem(String path, String problem) {
        return new ConfigException(source + ": " + path + ": " + problem);
    }

    private LuotConfig build(ConfigFile file, Overrides env) {
        ZoneId zone = zone(file.centre().timeZone());
        List<PriorityGroup> groups = priorityGroups(file.priorityGroups());
        List<ServiceDefinition> services = services(file.services());
        List<SiteDefinition> sites = sites(file.sites(), services);
        Map<LocalTime, Double> profile = arrivalProfile(file.arrivalProfile());
        Catalogue catalogue = new Catalogue(file.centre().id(), localized(file.centre().name()), zone, sites, services,
                groups);
        Path dataDir = Path.of(env.get("LUOT_DATA_DIR").orElse("data"));
        return new LuotConfig(source, catalogue, server(file.server(), env), database(file.database(), env),
                security(file.security(), env), queue(file.queue(), env), announcements(file.announcements()), profile,
                dataDir, kiosk(file.kiosk()), printing(file.printing(), file.printers(), sites),
                new LuotConfig.Reports(file.reports().poolSize()), ratings(file.ratings()),
                new BookingConfigReader(this).booking(file.booking(), sites, services),
                balancing(file.balancing(), sites), simulation(file.simulation(), profile, sites),
                new BookingConfigReader(this).notify(file.notifications(), env));
    }

    private LuotConfig.Server server(ConfigFile.Server server, Overrides env) {
        int port = env.integer("LUOT_PORT", 0, 65535).orElse(server.port());
        String publicUrl = env.get("LUOT_PUBLIC_URL").orElse(server.publicUrl());
        if (!isHttpUrl(publicUrl)) {
            String problem = "must be an http:// or https:// address, got '" + publicUrl + "'";
            throw env.has("LUOT_PUBLIC_URL") ? new ConfigException("LUOT_PUBLIC_URL: " + problem)
                    : problem("server.publicUrl", problem);
        }
        return new LuotConfig.Server(port, stripTrailingSlash(publicUrl), server.maxBodyBytes(),
                server.maxSocketsPerClient(), Duration.ofSeconds(server.headerTimeoutSeconds()),
                Duration.ofSeconds(server.idleTimeoutSeconds()), trustedProxies(server.trustedProxies()));
    }

    private TrustedProxies trustedProxies(List<String> written) {
        try {
            return TrustedProxies.of(written);
        } catch (TrustedProxies.BadEntry e) {
            throw problem("server.trustedProxies[" + e.index() + "]", e.getMessage());
        }
    }

    private static LuotConfig.Database database(ConfigFile.Database database, Overrides env) {
        String url = env.get("LUOT_DB_URL").orElse(database.url());
        if (env.has("LUOT_DB_URL") && !(url.startsWith("postgresql://") || url.startsWith("postgres://"))) {
            throw new ConfigException("LUOT_DB_URL: must start with postgresql://, got '" + url + "'");
        }
        int poolSize = env.integer("LUOT_DB_POOL_SIZE", 1, 200).orElse(database.poolSize());
        ConfigFile.IssueBatch batch = database.issueBatch();
        LuotConfig.IssueBatch issueBatch = batch == null ? LuotConfig.IssueBatch.DEFAULT
                : new LuotConfig.IssueBatch(Duration.ofMillis(batch.windowMillis()), batch.maxSize(), batch.maxInFlight());
        return new LuotConfig.Database(url.isEmpty() ? null : url, poolSize,
                Duration.ofSeconds(database.connectTimeoutSeconds()),
                Duration.ofSeconds(database.statementTimeoutSeconds()), issueBatch);
    }

    private static LuotConfig.Security security(ConfigFile.Security security, Overrides env) {
        ConfigFile.LoginThrottle throttle = security.loginThrottle();
        LoginThrottle.Limits limits = throttle == null ? LoginThrottle.Limits.DEFAULT
                : new LoginThrottle.Limits(throttle.attemptsPerAccount(),
                        Duration.ofSeconds(throttle.accountRefillSeconds()), throttle.attemptsPerAddress(),
                        Duration.ofSeconds(throttle.addressRefillSeconds()));
        String secret = env.get("LUOT_JWT_SECRET").orElse(null);
        if (secret != null && secret.length() < 32) {
            throw new ConfigException("LUOT_JWT_SECRET: must be at least 32 characters long");
        }
        String adminPassword = env.get("LUOT_ADMIN_PASSWORD").orElse(null);
        return new LuotConfig.Security(Duration.ofMinutes(security.tokenTtlMinutes()),
                security.passwordHashIterations(), secret, adminPassword, limits);
    }

    private static LuotConfig.Queue queue(ConfigFile.Queue queue, Overrides env) {
        String anyHour = env.get("LUOT_NUMBERS_AT_ANY_HOUR").orElse("false");
        if (!anyHour.equals("true") && !anyHour.equals("false")) {
            throw new ConfigException("LUOT_NUMBERS_AT_ANY_HOUR: must be true or false, got '" + anyHour + "'");
        }
        return new LuotConfig.Queue(queue.maxPriorityCallsInRow(), queue.serviceTimeSmoothing(),
                queue.serviceTimeLogSmoothing(),
                new IssuingHours(Duration.ofMinutes(queue.numbersBeforeOpeningMinutes()),
                        queue.numbersOnlyInOpeningHours() && !anyHour.equals("true")),
                queue.estimateCpuShare(), Duration.ofNanos(Math.round(queue.estimateInlinePlayMillis() * 1_000_000)));
    }

    private static LuotConfig.Announcements announcements(ConfigFile.Announcements announcements) {
        return new LuotConfig.Announcements(announcements.firstCallRepeats(), announcements.recallRepeats(),
                announcements.recentCallsShown());
    }

    private static LuotConfig.Kiosk kiosk(ConfigFile.Kiosk kiosk) {
        return new LuotConfig.Kiosk(Duration.ofSeconds(kiosk.numberShownSeconds()),
                Duration.ofSeconds(kiosk.numberShownWhenPrinterOutSeconds()));
    }

    private LuotConfig.Ratings ratings(ConfigFile.Ratings ratings) {
        List<RatingReason> reasons = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < ratings.lowRatingReasons().size(); i++) {
            ConfigFile.Reason reason = ratings.lowRatingReasons().get(i);
            unique(reason.id(), ids, "ratings.lowRatingReasons[" + i + "].id");
            reasons.add(new RatingReason(reason.id(), localized(reason.name())));
        }
        return new LuotConfig.Ratings(new RatingRules(Duration.ofHours(ratings.windowHours()), reasons),
                Duration.ofSeconds(ratings.thanksSeconds()));
    }

    private LuotConfig.Balancing balancing(ConfigFile.Balancing balancing, List<SiteDefinition> sites) {
        TravelTimes travel = new TravelTimes(balancing.travelMinutesDefault());
        for (int i = 0; i < balancing.travelMinutes().size(); i++) {
            ConfigFile.TravelPair pair = balancing.travelMinutes().get(i);
            for (String siteId : pair.between()) {
                if (site(sites, siteId) == null) {
                    throw problem("balancing.travelMinutes[" + i + "].between",
                            "names no site defined under sites: '" + siteId + "'");
                }
            }
            travel = travel.with(pair.between().get(0), pair.between().get(1), pair.minutes());
        }
        ConfigFile.Detour detour = balancing.detourWorthIt();
        return new LuotConfig.Balancing(travel, new SiteRecommendation(detour.minMinutesSaved(),
                detour.maxShareOfWait(), balancing.aboutTheSameMinutes()));
    }

    private LuotConfig.Printing printing(ConfigFile.Printing printing, List<ConfigFile.Printer> printers,
                                         List<SiteDefinition> sites) {
        List<PrinterDefinition> definitions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < printers.size(); i++) {
            ConfigFile.Printer printer = printers.get(i);
            unique(printer.id(), ids, "printers[" + i + "].id");
            if (site(sites, printer.siteId()) == null) {
                throw problem("printers[" + i + "].siteId", "names no site defined under sites: '"
                        + printer.siteId() + "'");
            }
            definitions.add(new PrinterDefinition(printer.id(), printer.siteId(), localized(printer.name())));
        }
        return new LuotConfig.Printing(Duration.ofSeconds(printing.bridgeSilentSeconds()), definitions);
    }

    private List<PriorityGroup> priorityGroups(List<ConfigFile.PriorityGroup> file) {
        List<PriorityGroup> groups = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < file.size(); i++) {
            unique(file.get(i).id(), ids, "priorityGroups[" + i + "].id");
            groups.add(new PriorityGroup(file.get(i).id(), localized(file.get(i).name())));
        }
        return groups;
    }

    private List<ServiceDefinition> services(List<ConfigFile.Service> file) {
        List<ServiceDefinition> services = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        double shares = 0;
        for (int i = 0; i < file.size(); i++) {
            ConfigFile.Service service = file.get(i);
            unique(service.id(), ids, "services[" + i + "].id");
            unique(service.prefix(), prefixes, "services[" + i + "].prefix");
            shares += service.shareOfArrivals();
            services.add(new ServiceDefinition(service.id(), service.prefix(), localized(service.name()),
                    Duration.ofMinutes(service.meanServiceMinutes()), Duration.ofMinutes(service.targetWaitMinutes()),
                    service.shareOfArrivals()));
        }
        if (Math.abs(shares - 1.0) > SHARE_TOLERANCE) {
            throw problem("services", String.format(Locale.ROOT,
                    "the shareOfArrivals values add up to %.2f; they must add up to 1", shares));
        }
        return services;
    }

    private List<SiteDefinition> sites(List<ConfigFile.Site> file, List<ServiceDefinition> services) {
        Set<String> serviceIds = new HashSet<>();
        services.forEach(s -> serviceIds.add(s.id()));
        List<SiteDefinition> sites = new ArrayList<>();
        Set<String> siteIds = new HashSet<>();
        Set<String> counterIds = new HashSet<>();
        for (int i = 0; i < file.size(); i++) {
            ConfigFile.Site site = file.get(i);
            String path = "sites[" + i + "]";
            unique(site.id(), siteIds, path + ".id");
            for (int s = 0; s < site.services().size(); s++) {
                if (!serviceIds.contains(site.services().get(s))) {
                    throw problem(path + ".services[" + s + "]", "names no service defined under services: '"
                            + site.services().get(s) + "'");
                }
            }
            var hours = new OpeningHoursReader(this, path + ".openingHours").read(site.openingHours());
            List<CounterDefinition> counters = new ArrayList<>();
            for (int c = 0; c < site.counters().size(); c++) {
                ConfigFile.Counter counter = site.counters().get(c);
                String counterPath = path + ".counters[" + c + "]";
                unique(Integer.toString(counter.id()), counterIds, counterPath + ".id");
                for (int s = 0; s < counter.services().size(); s++) {
                    if (!site.services().contains(counter.services().get(s))) {
                        throw problem(counterPath + ".services[" + s + "]", "'" + counter.services().get(s)
                                + "' is not among the services of site '" + site.id() + "'");
                    }
                }
                counters.add(new CounterDefinition(counter.id(), site.id(), counter.services()));
            }
            sites.add(new SiteDefinition(site.id(), localized(site.name()), site.services(), hours, counters));
        }
        return sites;
    }

    /** The day simulator's and planner's model of the visits; the arrival profile is read beside it. */
    private SimulationSettings simulation(ConfigFile.Simulation simulation, Map<LocalTime, Double> profile,
                                          List<SiteDefinition> sites) {
        if (simulation == null) {
            return SimulationSettings.typical(profile);
        }
        for (String siteId : simulation.siteShares().keySet()) {
            if (site(sites, siteId) == null) {
                throw problem("simulation.siteShares." + siteId, "is not a site");
            }
        }
        if (profile.isEmpty()) {
            throw problem("arrivalProfile", "must give the share of visits by hour when simulation is set");
        }
        return new SimulationSettings(simulation.visitsPerDay(), profile, simulation.siteShares(),
                simulation.serviceTimeVariation(), simulation.bookedShare(),
                Duration.ofMinutes(simulation.bookedArrivalSpreadMinutes()), simulation.bookedNoShowShare(),
                simulation.priorityShare(), simulation.staffAvailable(), simulation.targetShareWithinWait());
    }

    private Map<LocalTime, Double> arrivalProfile(Map<String, Double> file) {
        Map<LocalTime, Double> profile = new LinkedHashMap<>();
        file.forEach((hour, share) -> {
            try {
                profile.put(LocalTime.parse(hour), share);
            } catch (DateTimeParseException e) {
                throw problem("arrivalProfile." + hour, "must be a time of day such as \"07:00\"");
            }
        });
        double sum = profile.values().stream().mapToDouble(Double::doubleValue).sum();
        if (!profile.isEmpty() && Math.abs(sum - 1.0) > SHARE_TOLERANCE) {
            throw problem("arrivalProfile", String.format(Locale.ROOT,
                    "the shares add up to %.2f; they must add up to 1", sum));
        }
        return profile;
    }

    static LocalizedText localized(ConfigFile.Name name) {
        return new LocalizedText(name.vi(), name.en());
    }

    static SiteDefinition site(List<SiteDefinition> sites, String id) {
        return sites.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    private void unique(String value, Set<String> seen, String path) {
        if (!seen.add(value)) {
            throw problem(path, "'" + value + "' is used twice; it must be unique");
        }
    }

    private ZoneId zone(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw problem("centre.timeZone", "is not a known time zone such as Asia/Ho_Chi_Minh: '" + value + "'");
        }
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
