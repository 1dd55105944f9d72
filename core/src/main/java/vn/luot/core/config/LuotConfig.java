package vn.luot.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.balancing.SiteRecommendation;
import vn.luot.core.domain.balancing.TravelTimes;
import vn.luot.core.domain.printing.PrinterDefinition;
import vn.luot.core.domain.rating.RatingRules;
import vn.luot.core.domain.simulation.SimulationSettings;
import vn.luot.core.domain.ticket.IssuingHours;
import vn.luot.core.limits.LoginThrottle;
import vn.luot.core.limits.TrustedProxies;

/**
 * The whole configuration of a running server, read once at start by {@link ConfigLoader}.
 *
 * @param dataDir    where the embedded database and generated secrets live between runs
 * @param simulation how citizens come and how long they take, for the day simulator and the planner
 */
public record LuotConfig(
        String source,
        Catalogue catalogue,
        Server server,
        Database database,
        Security security,
        Queue queue,
        Announcements announcements,
        Map<LocalTime, Double> arrivalProfile,
        Path dataDir,
        Kiosk kiosk,
        Printing printing,
        Reports reports,
        Ratings ratings,
        Booking booking,
        Balancing balancing,
        SimulationSettings simulation,
        Notify messages) {

    /**
     * @param publicUrl           the address phones reach, used in tracking links and QR codes; no trailing slash
     * @param maxSocketsPerClient public live sockets (halls, phones) one client address may hold open at once
     * @param trustedProxies      the reverse proxies whose X-Forwarded-For names the client
     */
    public record Server(int port, String publicUrl, int maxBodyBytes, int maxSocketsPerClient,
                         Duration headerTimeout, Duration idleTimeout, TrustedProxies trustedProxies) {
        public static final int DEFAULT_MAX_SOCKETS_PER_CLIENT = 50;
        public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
        public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

        public Server(int port, String publicUrl, int maxBodyBytes) {
            this(port, publicUrl, maxBodyBytes, DEFAULT_MAX_SOCKETS_PER_CLIENT);
        }

        public Server(int port, String publicUrl, int maxBodyBytes, int maxSocketsPerClient) {
            this(port, publicUrl, maxBodyBytes, maxSocketsPerClient, DEFAULT_HEADER_TIMEOUT, DEFAULT_IDLE_TIMEOUT,
                    TrustedProxies.NONE);
        }

        public Server withTrustedProxies(TrustedProxies proxies) {
            return new Server(port, publicUrl, maxBodyBytes, maxSocketsPerClient, headerTimeout, idleTimeout, proxies);
        }
    }

    /** @param url a postgresql:// URL, or null to run the embedded PostgreSQL under the data directory */
    public record Database(String url, int poolSize, Duration connectTimeout, Duration statementTimeout,
                           IssueBatch issueBatch) {
        public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(5);

        public Database(String url, int poolSize, Duration connectTimeout) {
            this(url, poolSize, connectTimeout, DEFAULT_STATEMENT_TIMEOUT);
        }

        public Database(String url, int poolSize, Duration connectTimeout, Duration statementTimeout) {
            this(url, poolSize, connectTimeout, statementTimeout, IssueBatch.DEFAULT);
        }

        public Database withIssueBatch(IssueBatch newIssueBatch) {
            return new Database(url, poolSize, connectTimeout, statementTimeout, newIssueBatch);
        }

        public boolean embedded() {
            return url == null;
        }
    }

    /**
     * Group commit for issuing tickets (issue 15): requests that arrive while a batch is being written are
     * gathered and written together, in one statement and one commit.
     *
     * @param window      how long a gathered request waits for the batch in flight before its own starts anyway
     * @param maxSize     the most tickets in one batch (1: every ticket alone, as before)
     * @param maxInFlight the most batches being written at once
     */
    public record IssueBatch(Duration window, int maxSize, int maxInFlight) {
        public static final IssueBatch DEFAULT = new IssueBatch(Duration.ofMillis(2), 64, 4);
    }

    /**
     * @param jwtSecret     the key that signs staff tokens, or null to generate one under the data directory
     * @param adminPassword the first admin's password (from LUOT_ADMIN_PASSWORD), or null
     */
    public record Security(Duration tokenTtl, int passwordHashIterations, String jwtSecret, String adminPassword,
                           LoginThrottle.Limits loginThrottle) {
        public Security(Duration tokenTtl, int passwordHashIterations, String jwtSecret, String adminPassword) {
            this(tokenTtl, passwordHashIterations, jwtSecret, adminPassword, LoginThrottle.Limits.DEFAULT);
        }

        public Security withLoginThrottle(LoginThrottle.Limits limits) {
            return new Security(tokenTtl, passwordHashIterations, jwtSecret, adminPassword, limits);
        }

        @Override
        public String toString() {
            return "Security[tokenTtl=" + tokenTtl + ", passwordHashIterations=" + passwordHashIterations + "]";
        }
    }

    /**
     * @param serviceTimeSmoothing    the plain running mean of service times (the old formula's input)
     * @param serviceTimeLogSmoothing the running mean of their logarithms, which the wait estimate learns from
     * @param issuingHours            when the sites give out numbers (opening hours, the early window)
     * @param estimateCpuShare        share of the live hub's thread the wait estimate's plays may use (a
     *                                {@link vn.luot.core.domain.board.ForecastBudget})
     * @param estimateInlinePlay      a play that took longer than this is next run off the hub's thread
     *                                ({@link vn.luot.core.domain.board.SiteBoard}); zero sends every play there
     */
    public record Queue(int maxPriorityCallsInRow, double serviceTimeSmoothing, double serviceTimeLogSmoothing,
                        IssuingHours issuingHours, double estimateCpuShare, Duration estimateInlinePlay) {
        /** The shipped share of {@code queue.estimateCpuShare}. */
        public static final double DEFAULT_ESTIMATE_CPU_SHARE = 0.2;
        /** The shipped {@code queue.estimateInlinePlayMillis}. */
        public static final Duration DEFAULT_ESTIMATE_INLINE_PLAY = vn.luot.core.domain.board.SiteBoard.DEFAULT_INLINE_PLAY;

        public Queue(int maxPriorityCallsInRow, double serviceTimeSmoothing, double serviceTimeLogSmoothing,
                     IssuingHours issuingHours) {
            this(maxPriorityCallsInRow, serviceTimeSmoothing, serviceTimeLogSmoothing, issuingHours,
                    DEFAULT_ESTIMATE_CPU_SHARE, DEFAULT_ESTIMATE_INLINE_PLAY);
        }

        /** The same, with plays longer than {@code inlinePlay} run off the hub's thread. */
        public Queue withInlinePlay(Duration inlinePlay) {
            return new Queue(maxPriorityCallsInRow, serviceTimeSmoothing, serviceTimeLogSmoothing, issuingHours,
                    estimateCpuShare, inlinePlay);
        }
    }

    public record Announcements(int firstCallRepeats, int recallRepeats, int recentCallsShown) {
    }

    /**
     * @param numberShown             how long the kiosk shows a new ticket's number
     * @param numberShownPrinterOut   how long it shows it when the printer cannot print it now
     */
    public record Kiosk(Duration numberShown, Duration numberShownPrinterOut) {
    }

    /**
     * Balancing the sites (issue 10).
     *
     * @param travel         minutes between each pair of sites
     * @param recommendation when a detour to the other site is worth it
     */
    public record Balancing(TravelTimes travel, SiteRecommendation recommendation) {
    }

    /**
     * @param bridgeSilenceLimit a connected bridge silent for longer counts as offline
     * @param printers           the ticket printers, each served by a bridge next to it
     */
    public record Printing(Duration bridgeSilenceLimit, List<PrinterDefinition> printers) {
        public Printing {
            printers = List.copyOf(printers);
        }

        public Optional<PrinterDefinition> findPrinter(String id) {
            return printers.stream().filter(p -> p.id().equals(id)).findFirst();
        }
    }

    /**
     * Reports and exports (issue 14).
     *
     * @param poolSize database connections of their own, so a year's export never slows issuing or calling
     */
    public record Reports(int poolSize) {
    }

    /**
     * Satisfaction ratings (issue 14).
     *
     * @param rules        the rating window and the reasons a low rating may give
     * @param thanksShown  how long the counter's tablet thanks the citizen before it returns to idle
     */
    public record Ratings(RatingRules rules, Duration thanksShown) {
    }

    /**
     * Booking by phone (issue 11).
     *
     * @param slots             the slots that can be booked
     * @param calledAtTheirSlot when booked tickets are called ahead of walk-ins of their service
     * @param missed            what becomes of a booking not checked in by the late end of that window
     * @param phoneCheckIn      how long before its slot a citizen may check in from the phone page
     * @param jobsEvery         how often the background jobs (expiry) run
     * @param remoteMargin      how long before the expected turn a remote ticket's holder should be there
     * @param whatToBring       per service id, the one line the booking page says about what to bring
     * @param turnNearAhead     with this many or fewer ahead, the turn is near: the tracking page alerts
     * @param limits            bookings and remote tickets per phone number and per client address a day
     * @param requestsPerMinute requests a minute one client address may make to the public booking routes
     * @param keepPersonalDataDays how many days after its day a booking's or ticket's personal data is erased
     * @param usualWaits        how the booking page's usual wait per hour is reckoned from past tickets
     */
    public record Booking(vn.luot.core.domain.booking.SlotSettings slots,
                          vn.luot.core.domain.calling.BookedWindow calledAtTheirSlot,
                          vn.luot.core.domain.booking.MissedBooking missed, Duration phoneCheckIn, Duration jobsEvery,
                          Duration remoteMargin, Map<String, vn.luot.core.domain.catalogue.LocalizedText> whatToBring,
                          int turnNearAhead, vn.luot.core.domain.booking.DailyLimit limits, int requestsPerMinute,
                          int keepPersonalDataDays, vn.luot.core.domain.booking.UsualWaits usualWaits) {
        public Booking {
            whatToBring = Map.copyOf(whatToBring);
        }

        public Booking withSlots(vn.luot.core.domain.booking.SlotSettings newSlots) {
            return new Booking(newSlots, calledAtTheirSlot, missed, phoneCheckIn, jobsEvery, remoteMargin, whatToBring,
                    turnNearAhead, limits, requestsPerMinute, keepPersonalDataDays, usualWaits);
        }

        public Booking withMissed(vn.luot.core.domain.booking.MissedBooking newMissed, Duration newJobsEvery) {
            return new Booking(slots, calledAtTheirSlot, newMissed, phoneCheckIn, newJobsEvery, remoteMargin, whatToBring,
                    turnNearAhead, limits, requestsPerMinute, keepPersonalDataDays, usualWaits);
        }

        public Booking withLimits(vn.luot.core.domain.booking.DailyLimit newLimits, int newRequestsPerMinute) {
            return new Booking(slots, calledAtTheirSlot, missed, phoneCheckIn, jobsEvery, remoteMargin, whatToBring,
                    turnNearAhead, newLimits, newRequestsPerMinute, keepPersonalDataDays, usualWaits);
        }

        public Booking withUsualWaits(vn.luot.core.domain.booking.UsualWaits newUsualWaits) {
            return new Booking(slots, calledAtTheirSlot, missed, phoneCheckIn, jobsEvery, remoteMargin, whatToBring,
                    turnNearAhead, limits, requestsPerMinute, keepPersonalDataDays, newUsualWaits);
        }
    }

    public LuotConfig withBooking(Booking newBooking) {
        return new LuotConfig(source, catalogue, server, database, security, queue, announcements, arrivalProfile,
                dataDir, kiosk, printing, reports, ratings, newBooking, balancing, simulation, messages);
    }

    /**
     * Messages to citizens (issue 11).
     *
     * @param webhookUrl   the SMS or Zalo gateway, or null to only write messages to the log
     * @param webhookSecret the key that signs each request to the gateway (LUOT_NOTIFY_SECRET)
     * @param reminderLead how long before a booked slot the reminder goes
     */
    public record Notify(String webhookUrl, String webhookSecret, Duration timeout, Duration sendEvery,
                         vn.luot.core.domain.notify.RetryPolicy retry, Duration reminderLead,
                         vn.luot.core.domain.notify.Templates templates) {
        public Notify withWebhook(String url, String secret, Duration newSendEvery,
                                  vn.luot.core.domain.notify.RetryPolicy newRetry) {
            return new Notify(url, secret, timeout, newSendEvery, newRetry, reminderLead, templates);
        }

        @Override
        public String toString() {
            return "Notify[webhookUrl=" + webhookUrl + ", sendEvery=" + sendEvery + ", retry=" + retry + "]";
        }
    }

    public LuotConfig withMessages(Notify newNotify) {
        return new LuotConfig(source, catalogue, server, database, security, queue, announcements, arrivalProfile,
                dataDir, kiosk, printing, reports, ratings, booking, balancing, simulation, newNotify);
    }

    public LuotConfig withServer(Server newServer) {
        return new LuotConfig(source, catalogue, newServer, database, security, queue, announcements, arrivalProfile,
                dataDir, kiosk, printing, reports, ratings, booking, balancing, simulation, messages);
    }

    public LuotConfig withDatabase(Database newDatabase) {
        return new LuotConfig(source, catalogue, server, newDatabase, security, queue, announcements, arrivalProfile,
                dataDir, kiosk, printing, reports, ratings, booking, balancing, simulation, messages);
    }

    public LuotConfig withSecurity(Security newSecurity) {
        return new LuotConfig(source, catalogue, server, database, newSecurity, queue, announcements, arrivalProfile,
                dataDir, kiosk, printing, reports, ratings, booking, balancing, simulation, messages);
    }

    public LuotConfig withQueue(Queue newQueue) {
        return new LuotConfig(source, catalogue, server, database, security, newQueue, announcements, arrivalProfile,
                dataDir, kiosk, printing, reports, ratings, booking, balancing, simulation, messages);
    }

    public LuotConfig withPrinting(Printing newPrinting) {
        return new LuotConfig(source, catalogue, server, database, security, queue, announcements, arrivalProfile,
                dataDir, kiosk, newPrinting, reports, ratings, booking, balancing, simulation, messages);
    }

    public LuotConfig withDataDir(Path newDataDir) {
        return new LuotConfig(source, catalogue, server, database, security, queue, announcements, arrivalProfile,
                newDataDir, kiosk, printing, reports, ratings, booking, balancing, simulation, messages);
    }

    public LuotConfig withReports(Reports newReports) {
        return new LuotConfig(source, catalogue, server, database, security, queue, announcements, arrivalProfile,
                dataDir, kiosk, printing, newReports, ratings, booking, balancing, simulation, messages);
    }

    public LuotConfig withRatings(Ratings newRatings) {
        return new LuotConfig(source, catalogue, server, database, security, queue, announcements, arrivalProfile,
                dataDir, kiosk, printing, reports, newRatings, booking, balancing, simulation, messages);
    }
}
