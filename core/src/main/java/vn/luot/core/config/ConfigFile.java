package vn.luot.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.luot.core.domain.ticket.TicketNumbering;
import vn.luot.settings.Check;
import vn.luot.settings.InvalidSetting;

/**
 * The shape of {@code config/default.yaml}, one record per block, read by {@link vn.luot.settings.YamlSettings}
 * (unknown keys refused). Each record checks its own values in its compact constructor, naming the key;
 * what needs two blocks at once (a counter's service offered by its site, a printer's site) is checked by
 * {@link ConfigLoader}, which also turns these records into the domain's types and applies the environment.
 * Optional settings are boxed and get their default here.
 */
record ConfigFile(Centre centre, Server server, Database database, Security security, Queue queue,
                  Announcements announcements, List<PriorityGroup> priorityGroups, List<Service> services,
                  List<Site> sites, Map<String, Double> arrivalProfile, Simulation simulation, Kiosk kiosk,
                  Printing printing, List<Printer> printers, Reports reports, Ratings ratings, Booking booking,
                  Balancing balancing, @JsonProperty("notify") Notify notifications) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    ConfigFile {
        Check.present(centre, "centre");
        Check.present(server, "server");
        Check.present(database, "database");
        Check.present(security, "security");
        Check.present(queue, "queue");
        Check.present(announcements, "announcements");
        priorityGroups = Check.items(priorityGroups, "priorityGroups");
        services = Check.items(services, "services");
        Check.require(!services.isEmpty(), "services", "must list at least one service");
        sites = Check.items(sites, "sites");
        Check.require(!sites.isEmpty(), "sites", "must list at least one site");
        arrivalProfile = arrivalProfile == null ? Map.of() : arrivalProfile;
        arrivalProfile.forEach((hour, share) -> share(share, "arrivalProfile." + hour));
        Check.present(kiosk, "kiosk");
        Check.present(printing, "printing");
        printers = Check.items(printers, "printers");
        Check.present(reports, "reports");
        Check.present(ratings, "ratings");
        Check.present(booking, "booking");
        Check.present(balancing, "balancing");
        Check.present(notifications, "notify");
    }

    /** A lower-case identifier such as {@code ho-tich}. */
    static String identifier(String value, String key) {
        String id = Check.text(value, key);
        if (!ID.matcher(id).matches()) {
            throw new InvalidSetting(key, "must be lower-case letters, digits and dashes (such as 'ho-tich'), got '"
                    + id + "'");
        }
        return id;
    }

    static double share(Double value, String key) {
        return Check.between(Check.present(value, key), key, 0, 1);
    }

    record Name(String vi, String en) {
        Name {
            vi = Check.text(vi, "vi");
            en = Check.text(en, "en");
        }
    }

    record Centre(String id, Name name, String timeZone) {
        Centre {
            id = identifier(id, "id");
            Check.present(name, "name");
            timeZone = Check.text(timeZone, "timeZone");
        }
    }

    record Server(int port, String publicUrl, int maxBodyBytes, Integer maxSocketsPerClient,
                  Integer headerTimeoutSeconds, Integer idleTimeoutSeconds, List<String> trustedProxies) {
        Server {
            Check.between(port, "port", 0, 65535);
            publicUrl = Check.text(publicUrl, "publicUrl");
            Check.between(maxBodyBytes, "maxBodyBytes", 1024, 10 * 1024 * 1024);
            maxSocketsPerClient = Check.between(maxSocketsPerClient, "maxSocketsPerClient", 1, 100_000,
                    LuotConfig.Server.DEFAULT_MAX_SOCKETS_PER_CLIENT);
            headerTimeoutSeconds = Check.between(headerTimeoutSeconds, "headerTimeoutSeconds", 1, 300,
                    (int) LuotConfig.Server.DEFAULT_HEADER_TIMEOUT.toSeconds());
            idleTimeoutSeconds = Check.between(idleTimeoutSeconds, "idleTimeoutSeconds", 15, 3600,
                    (int) LuotConfig.Server.DEFAULT_IDLE_TIMEOUT.toSeconds());
            trustedProxies = trustedProxies == null ? List.of() : trustedProxies;
        }
    }

    record Database(String url, int poolSize, int connectTimeoutSeconds, Integer statementTimeoutSeconds,
                    IssueBatch issueBatch) {
        Database {
            url = Check.optionalText(url, "");
            Check.require(url.isEmpty() || url.startsWith("postgresql://") || url.startsWith("postgres://"), "url",
                    "must be empty (embedded database) or start with postgresql://");
            Check.between(poolSize, "poolSize", 1, 200);
            Check.between(connectTimeoutSeconds, "connectTimeoutSeconds", 1, 60);
            statementTimeoutSeconds = Check.between(statementTimeoutSeconds, "statementTimeoutSeconds", 1, 600,
                    (int) LuotConfig.Database.DEFAULT_STATEMENT_TIMEOUT.toSeconds());
        }
    }

    /** database.issueBatch (issue 15): group commit for issuing tickets; left out, LuotConfig.IssueBatch.DEFAULT. */
    record IssueBatch(int windowMillis, int maxSize, int maxInFlight) {
        IssueBatch {
            Check.between(windowMillis, "windowMillis", 0, 100);
            Check.between(maxSize, "maxSize", 1, 1000);
            Check.between(maxInFlight, "maxInFlight", 1, 64);
        }
    }

    record Security(int tokenTtlMinutes, int passwordHashIterations, LoginThrottle loginThrottle) {
        Security {
            Check.between(tokenTtlMinutes, "tokenTtlMinutes", 1, 7 * 24 * 60);
            Check.between(passwordHashIterations, "passwordHashIterations", 1000, 10_000_000);
        }
    }

    record LoginThrottle(int attemptsPerAccount, int accountRefillSeconds, int attemptsPerAddress,
                         int addressRefillSeconds) {
        LoginThrottle {
            Check.between(attemptsPerAccount, "attemptsPerAccount", 1, 1000);
            Check.between(accountRefillSeconds, "accountRefillSeconds", 1, 3600);
            Check.between(attemptsPerAddress, "attemptsPerAddress", 1, 100_000);
            Check.between(addressRefillSeconds, "addressRefillSeconds", 1, 3600);
        }
    }

    record Queue(int maxPriorityCallsInRow, double serviceTimeSmoothing, double serviceTimeLogSmoothing,
                 int numbersBeforeOpeningMinutes, Boolean numbersOnlyInOpeningHours, double estimateCpuShare,
                 double estimateInlinePlayMillis) {
        Queue {
            Check.between(estimateCpuShare, "estimateCpuShare", 0.01, 1.0);
            Check.between(estimateInlinePlayMillis, "estimateInlinePlayMillis", 0.0, 1000.0);
            Check.between(maxPriorityCallsInRow, "maxPriorityCallsInRow", 0, 100);
            Check.between(serviceTimeSmoothing, "serviceTimeSmoothing", 0.001, 1.0);
            Check.between(serviceTimeLogSmoothing, "serviceTimeLogSmoothing", 0.001, 1.0);
            Check.between(numbersBeforeOpeningMinutes, "numbersBeforeOpeningMinutes", 0, 240);
            Check.present(numbersOnlyInOpeningHours, "numbersOnlyInOpeningHours");
        }
    }

    record Announcements(int firstCallRepeats, int recallRepeats, int recentCallsShown) {
        Announcements {
            Check.between(firstCallRepeats, "firstCallRepeats", 1, 5);
            Check.between(recallRepeats, "recallRepeats", 1, 5);
            Check.between(recentCallsShown, "recentCallsShown", 1, 50);
        }
    }

    record PriorityGroup(String id, Name name) {
        PriorityGroup {
            id = identifier(id, "id");
            Check.present(name, "name");
        }
    }

    record Service(String id, String prefix, Name name, int meanServiceMinutes, int targetWaitMinutes,
                   Double shareOfArrivals) {
        Service {
            id = identifier(id, "id");
            prefix = Check.text(prefix, "prefix");
            if (!TicketNumbering.PREFIX.matcher(prefix).matches()) {
                throw new InvalidSetting("prefix", "must be one to three capital letters (A-Z), got '" + prefix + "'");
            }
            Check.present(name, "name");
            Check.between(meanServiceMinutes, "meanServiceMinutes", 1, 480);
            Check.between(targetWaitMinutes, "targetWaitMinutes", 1, 480);
            share(shareOfArrivals, "shareOfArrivals");
        }
    }

    record Site(String id, Name name, List<String> services, Map<String, List<String>> openingHours,
                List<Counter> counters) {
        Site {
            id = identifier(id, "id");
            Check.present(name, "name");
            services = Check.texts(services, "services");
            Check.present(openingHours, "openingHours");
            openingHours.forEach((days, ranges) -> Check.texts(ranges, "openingHours." + days));
            counters = Check.items(counters, "counters");
        }
    }

    record Counter(int id, List<String> services) {
        Counter {
            Check.between(id, "id", 1, 9999);
            services = Check.texts(services, "services");
        }
    }

    record Simulation(int visitsPerDay, Map<String, Double> siteShares, double serviceTimeVariation,
                      double bookedShare, int bookedArrivalSpreadMinutes, double bookedNoShowShare,
                      double priorityShare, int staffAvailable, double targetShareWithinWait) {
        Simulation {
            Check.between(visitsPerDay, "visitsPerDay", 1, 100_000);
            Check.present(siteShares, "siteShares");
            siteShares.forEach((site, share) -> share(share, "siteShares." + site));
            Check.between(serviceTimeVariation, "serviceTimeVariation", 0.01, 5);
            Check.between(bookedShare, "bookedShare", 0, 1);
            Check.between(bookedArrivalSpreadMinutes, "bookedArrivalSpreadMinutes", 0, 120);
            Check.between(bookedNoShowShare, "bookedNoShowShare", 0, 1);
            Check.between(priorityShare, "priorityShare", 0, 1);
            Check.between(staffAvailable, "staffAvailable", 1, 1000);
            Check.between(targetShareWithinWait, "targetShareWithinWait", 0.01, 0.999);
        }
    }

    record Kiosk(int numberShownSeconds, int numberShownWhenPrinterOutSeconds) {
        Kiosk {
            Check.between(numberShownSeconds, "numberShownSeconds", 3, 300);
            Check.between(numberShownWhenPrinterOutSeconds, "numberShownWhenPrinterOutSeconds", 3, 600);
        }
    }

    record Printing(int bridgeSilentSeconds) {
        Printing {
            Check.between(bridgeSilentSeconds, "bridgeSilentSeconds", 5, 3600);
        }
    }

    record Printer(String id, String siteId, Name name) {
        Printer {
            id = identifier(id, "id");
            siteId = Check.text(siteId, "siteId");
            Check.present(name, "name");
        }
    }

    record Reports(int poolSize) {
        Reports {
            Check.between(poolSize, "poolSize", 1, 20);
        }
    }

    record Ratings(int windowHours, int thanksSeconds, List<Reason> lowRatingReasons) {
        Ratings {
            Check.between(windowHours, "windowHours", 1, 24 * 31);
            Check.between(thanksSeconds, "thanksSeconds", 3, 600);
            lowRatingReasons = Check.items(lowRatingReasons, "lowRatingReasons");
        }
    }

    record Reason(String id, Name name) {
        Reason {
            id = identifier(id, "id");
            Check.present(name, "name");
        }
    }

    record Booking(int slotMinutes, int openDaysAhead, int closesMinutesBefore, PlacesPerSlot placesPerSlot,
                   List<String> publicHolidays, List<String> closedDays, Window calledAtTheirSlot,
                   String missedBooking, int phoneCheckInMinutesBefore, int jobsEverySeconds,
                   int remoteArriveMinutesBeforeTurn, int turnNearAhead, Limits limits,
                   Map<String, Name> whatToBring, int keepPersonalDataDays, int usualWaitDays,
                   int usualWaitMinimumTickets) {
        Booking {
            Check.between(slotMinutes, "slotMinutes", 5, 240);
            Check.between(openDaysAhead, "openDaysAhead", 0, 366);
            Check.between(closesMinutesBefore, "closesMinutesBefore", 0, 24 * 60);
            Check.present(placesPerSlot, "placesPerSlot");
            publicHolidays = Check.texts(publicHolidays, "publicHolidays");
            closedDays = Check.texts(closedDays, "closedDays");
            Check.present(calledAtTheirSlot, "calledAtTheirSlot");
            missedBooking = Check.text(missedBooking, "missedBooking");
            Check.between(phoneCheckInMinutesBefore, "phoneCheckInMinutesBefore", 0, 240);
            Check.between(jobsEverySeconds, "jobsEverySeconds", 1, 3600);
            Check.between(remoteArriveMinutesBeforeTurn, "remoteArriveMinutesBeforeTurn", 0, 120);
            Check.between(turnNearAhead, "turnNearAhead", 0, 50);
            Check.present(limits, "limits");
            Check.present(whatToBring, "whatToBring");
            whatToBring.forEach((service, text) -> Check.present(text, "whatToBring." + service));
            Check.between(keepPersonalDataDays, "keepPersonalDataDays", 1, 3650);
            Check.between(usualWaitDays, "usualWaitDays", 1, 366);
            Check.between(usualWaitMinimumTickets, "usualWaitMinimumTickets", 1, 10_000);
        }
    }

    /** @param sites per site id, per service id, the places of that service's slots there */
    record PlacesPerSlot(@JsonProperty("default") int byDefault, Map<String, Map<String, Integer>> sites) {
        PlacesPerSlot {
            Check.between(byDefault, "default", 0, 1000);
            sites = sites == null ? Map.of() : sites;
            sites.forEach((site, places) -> Check.present(places, "sites." + site).forEach((service, count) -> {
                String key = "sites." + site + "." + service;
                Check.between(Check.present(count, key), key, 0, 1000);
            }));
        }
    }

    record Window(int earlyMinutes, int lateMinutes) {
        Window {
            Check.between(earlyMinutes, "earlyMinutes", 0, 240);
            Check.between(lateMinutes, "lateMinutes", 0, 240);
        }
    }

    record Limits(int bookingsPerPhonePerDay, int remoteTicketsPerPhonePerDay, int bookingsPerAddressPerDay,
                  int remoteTicketsPerAddressPerDay, int requestsPerMinutePerAddress) {
        Limits {
            Check.between(bookingsPerPhonePerDay, "bookingsPerPhonePerDay", 1, 1000);
            Check.between(remoteTicketsPerPhonePerDay, "remoteTicketsPerPhonePerDay", 1, 1000);
            Check.between(bookingsPerAddressPerDay, "bookingsPerAddressPerDay", 1, 100_000);
            Check.between(remoteTicketsPerAddressPerDay, "remoteTicketsPerAddressPerDay", 1, 100_000);
            Check.between(requestsPerMinutePerAddress, "requestsPerMinutePerAddress", 1, 100_000);
        }
    }

    record Balancing(int travelMinutesDefault, List<TravelPair> travelMinutes, Detour detourWorthIt,
                     int aboutTheSameMinutes) {
        Balancing {
            Check.between(travelMinutesDefault, "travelMinutesDefault", 0, 600);
            travelMinutes = Check.items(travelMinutes, "travelMinutes");
            Check.present(detourWorthIt, "detourWorthIt");
            Check.between(aboutTheSameMinutes, "aboutTheSameMinutes", 0, 120);
        }
    }

    record TravelPair(List<String> between, int minutes) {
        TravelPair {
            between = Check.texts(between, "between");
            Check.require(between.size() == 2 && !between.get(0).equals(between.get(1)), "between",
                    "must name two different sites, got " + between);
            Check.between(minutes, "minutes", 0, 600);
        }
    }

    record Detour(int minMinutesSaved, double maxShareOfWait) {
        Detour {
            Check.between(minMinutesSaved, "minMinutesSaved", 0, 480);
            Check.between(maxShareOfWait, "maxShareOfWait", 0, 1);
        }
    }

    record Notify(String notifier, Webhook webhook, int sendEverySeconds, Retry retry, int reminderMinutesBefore,
                  Map<String, String> templates) {
        Notify {
            notifier = Check.text(notifier, "notifier");
            Check.require(notifier.equals("log") || notifier.equals("webhook"), "notifier",
                    "must be log or webhook, got '" + notifier + "'");
            Check.present(webhook, "webhook");
            Check.between(sendEverySeconds, "sendEverySeconds", 1, 3600);
            Check.present(retry, "retry");
            Check.between(reminderMinutesBefore, "reminderMinutesBefore", 1, 24 * 60);
            Check.present(templates, "templates");
            templates.forEach((kind, text) -> Check.text(text, "templates." + kind));
        }
    }

    record Webhook(String url, String secret, int timeoutSeconds) {
        Webhook {
            url = Check.optionalText(url, "");
            secret = Check.optionalText(secret, "");
            Check.between(timeoutSeconds, "timeoutSeconds", 1, 120);
        }
    }

    record Retry(int firstSeconds, int longestSeconds, int maxAttempts) {
        Retry {
            Check.between(firstSeconds, "firstSeconds", 1, 3600);
            Check.between(longestSeconds, "longestSeconds", firstSeconds, 24 * 3600);
            Check.between(maxAttempts, "maxAttempts", 1, 100);
        }
    }
}
