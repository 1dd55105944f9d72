package vn.luot.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.estimate.FasterSiteRule;
import vn.luot.core.domain.printing.PrinterDefinition;
import vn.luot.core.domain.ticket.IssuingHours;
import vn.luot.core.limits.LoginThrottle;

/**
 * The whole configuration of a running server, read once at start by {@link ConfigLoader}.
 *
 * @param dataDir where the embedded database and generated secrets live between runs
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
        Printing printing) {

    /**
     * @param publicUrl           the address phones reach, used in tracking links and QR codes; no trailing slash
     * @param maxSocketsPerClient public live sockets (halls, phones) one client address may hold open at once
     */
    public record Server(int port, String publicUrl, int maxBodyBytes, int maxSocketsPerClient,
                         Duration headerTimeout, Duration idleTimeout) {
        public static final int DEFAULT_MAX_SOCKETS_PER_CLIENT = 50;
        public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
        public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

        public Server(int port, String publicUrl, int maxBodyBytes) {
            this(port, publicUrl, maxBodyBytes, DEFAULT_MAX_SOCKETS_PER_CLIENT);
        }

        public Server(int port, String publicUrl, int maxBodyBytes, int maxSocketsPerClient) {
            this(port, publicUrl, maxBodyBytes, maxSocketsPerClient, DEFAULT_HEADER_TIMEOUT, DEFAULT_IDLE_TIMEOUT);
        }
    }

    /** @param url a postgresql:// URL, or null to run the embedded PostgreSQL under the data directory */
    public record Database(String url, int poolSize, Duration connectTimeout, Duration statementTimeout) {
        public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(5);

        public Database(String url, int poolSize, Duration connectTimeout) {
            this(url, poolSize, connectTimeout, DEFAULT_STATEMENT_TIMEOUT);
        }

        public boolean embedded() {
            return url == null;
        }
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

    /** @param issuingHours when the sites give out numbers (opening hours, the early window) */
    public record Queue(int maxPriorityCallsInRow, double serviceTimeSmoothing, IssuingHours issuingHours) {
    }

    public record Announcements(int firstCallRepeats, int recallRepeats, int recentCallsShown) {
    }

    /**
     * @param numberShown             how long the kiosk shows a new ticket's number
     * @param numberShownPrinterOut   how long it shows it when the printer cannot print it now
     */
    public record Kiosk(Duration numberShown, Duration numberShownPrinterOut, FasterSiteRule otherSiteMuchFaster) {
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

    public LuotConfig withServer(Server newServer) {
        return new LuotConfig(source, catalogue, newServer, database, security, queue, announcements, arrivalProfile,
                dataDir, kiosk, printing);
    }

    public LuotConfig withDatabase(Database newDatabase) {
        return new LuotConfig(source, catalogue, server, newDatabase, security, queue, announcements, arrivalProfile,
                dataDir, kiosk, printing);
    }

    public LuotConfig withSecurity(Security newSecurity) {
        return new LuotConfig(source, catalogue, server, database, newSecurity, queue, announcements, arrivalProfile,
                dataDir, kiosk, printing);
    }

    public LuotConfig withQueue(Queue newQueue) {
        return new LuotConfig(source, catalogue, server, database, security, newQueue, announcements, arrivalProfile,
                dataDir, kiosk, printing);
    }

    public LuotConfig withPrinting(Printing newPrinting) {
        return new LuotConfig(source, catalogue, server, database, security, queue, announcements, arrivalProfile,
                dataDir, kiosk, newPrinting);
    }

    public LuotConfig withDataDir(Path newDataDir) {
        return new LuotConfig(source, catalogue, server, database, security, queue, announcements, arrivalProfile,
                newDataDir, kiosk, printing);
    }
}
