package vn.luot.core.printing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import vn.luot.core.support.TestDatabase;
import vn.luot.core.support.TestServer;

/** Reads one text value from the test server's database. */
final class TestDatabaseText {
    private TestDatabaseText() {
    }

    static String one(TestServer server, String sql) {
        try (Connection c = DriverManager.getConnection(TestDatabase.jdbc(server.databaseUrl()), "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("no row: " + sql);
            }
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
