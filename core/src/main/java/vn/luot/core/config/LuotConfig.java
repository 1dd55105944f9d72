package vn.luot.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import vn.luot.core.domain.catalogue.Catalogue;

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
        Path dataDir) {

    /** @param publicUrl the address phones reach, used in tracking links and QR codes; no trailing slash */
    public record Server(int port, String publicUrl, int maxBodyBytes) {
    }

    /** @param url a postgresql:// URL, or null to run the embedded PostgreSQL under the data directory */
    public record Database(String url, int poolSize, Duration connectTimeout) {
        public boolean embedded() {
            return url == null;
        }
    }

    /**
     * @param jwtSecret     the key that signs staff tokens, or null to generate one under the data directory
     * @param adminPassword the first admin's password (from LUOT_ADMIN_PASSWORD), or null
     */
    public record Security(Duration tokenTtl, int passwordHashIterations, String jwtSecret, String adminPassword) {
        @Override
        public String toString() {
            return "Security[tokenTtl=" + tokenTtl + ", passwordHashIterations=" + passwordHashIterations + "]";
        }
    }

    public record Queue(int maxPriorityCallsInRow, double serviceTimeSmoothing) {
    }

    public record Announcements(int firstCallRepeats, int recallRepeats, int recentCallsShown) {
    }

    public LuotConfig withServer(Server newServer) {
        return new LuotConfig(source, catalogue, newServer, database, security, queue, announcements, arrivalProfile,
                dataDir);
    }

    public LuotConfig withDatabase(Database newDatabase) {
        return new LuotConfig(source, catalogue, server, newDatabase, security, queue, announcements, arrivalProfile,
                dataDir);
    }

    public LuotConfig withSecurity(Security newSecurity) {
        return new LuotConfig(source, catalogue, server, database, newSecurity, queue, announcements, arrivalProfile,
                dataDir);
    }

    public LuotConfig withQueue(Queue newQueue) {
        return new LuotConfig(source, catalogue, server, database, security, newQueue, announcements, arrivalProfile,
                dataDir);
    }

    public LuotConfig withDataDir(Path newDataDir) {
        return new LuotConfig(source, catalogue, server, database, security, queue, announcements, arrivalProfile,
                newDataDir);
    }
}
