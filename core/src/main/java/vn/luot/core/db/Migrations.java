package vn.luot.core.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.luot.core.store.impl.StoreFailures;

/**
 * Brings the schema up to date at start. Each script under {@code db/migration} runs once, in its own
 * transaction, under an advisory lock so that several nodes starting together do not race. A start on a
 * schema that is already up to date (every restart but the first after an upgrade) only reads
 * {@code schema_migrations}, in one statement, and takes no lock: rows there are only ever added, by
 * committed migrations.
 */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    /** In order. Add new scripts at the end; never edit one that has shipped. */
    static final List<String> SCRIPTS = List.of("V1__queue.sql", "V2__printing.sql", "V3__bookings.sql",
            "V4__called_tickets_index.sql", "V5__booked_slot.sql", "V10__screens.sql",
            "V7__booking_slots.sql", "V7_1__booking_expired.sql",
            "V8__reports_and_ratings.sql", "V8_1__ratings.sql",
            "V11__balancing.sql",
            "V6__staff_token_generation.sql",
            "V7_2__notification_outbox.sql", "V7_3__daily_limits.sql",
            "V7_4__personal_data_erasure.sql", "V12__booked_waiting_index.sql",
            "V13__report_exports.sql", "V14__rate_limits.sql");
    static final long LOCK_KEY = 0x4c756f74L; // "Luot"
    private static final String UNDEFINED_TABLE = "42P01";

    private Migrations() {
    }

    public static Future<Void> run(Pool pool) {
        return applied(pool).compose(applied -> applied.containsAll(SCRIPTS) ? Future.<Void>succeededFuture()
                : migrate(pool));
    }

    /** The scripts applied so far; none when there is no schema yet. */
    private static Future<Set<String>> applied(Pool pool) {
        return pool.query("SELECT script FROM schema_migrations").execute()
                .map(Migrations::scripts)
                .recover(e -> StoreFailures.hasSqlState(e, UNDEFINED_TABLE)
                        ? Future.succeededFuture(Set.of()) : Future.failedFuture(e));
    }

    private static Set<String> scripts(RowSet<Row> rows) {
        Set<String> applied = new HashSet<>();
        for (Row row : rows) {
            applied.add(row.getString(0));
        }
        return applied;
    }

    private static Future<Void> migrate(Pool pool) {
        return pool.withTransaction(connection -> connection
                .query("SET LOCAL statement_timeout = 0").execute()
                .compose(unlimited -> connection.query("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")").execute())
                .compose(locked -> connection.query("CREATE TABLE IF NOT EXISTS schema_migrations ("
                        + "script text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())").execute())
                .compose(created -> connection.query("SELECT script FROM schema_migrations").execute())
                .compose(rows -> {
                    Set<String> applied = scripts(rows);
                    Future<Void> chain = Future.succeededFuture();
                    for (String script : SCRIPTS) {
                        if (!applied.contains(script)) {
                            chain = chain.compose(done -> apply(connection, script));
                        }
                    }
                    return chain;
                }));
    }

    private static Future<Void> apply(SqlConnection connection, String script) {
        LOG.info("Applying database migration {}", script);
        return connection.query(read(script)).execute()
                .compose(done -> connection.preparedQuery("INSERT INTO schema_migrations (script) VALUES ($1)")
                        .execute(Tuple.of(script)))
                .mapEmpty();
    }

    private static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) {
                throw new IllegalStateException("missing migration script " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
