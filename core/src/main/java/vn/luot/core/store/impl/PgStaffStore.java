package vn.luot.core.store.impl;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.Role;
import vn.luot.core.store.StaffMember;
import vn.luot.core.store.StaffStore;

/** {@link StaffStore} on PostgreSQL. */
public final class PgStaffStore implements StaffStore {
    private static final String COLUMNS = "username, display_name, role, password_hash, active, token_generation";
    private final Pool pool;

    public PgStaffStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Optional<StaffMember>> find(String username) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM staff WHERE username = $1")
                .execute(Tuple.of(username))
                .map(rows -> rows.rowCount() == 0 ? Optional.<StaffMember>empty()
                        : Optional.of(member(rows.iterator().next())))
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<List<StaffMember>> list() {
        return pool.query("SELECT " + COLUMNS + " FROM staff ORDER BY username").execute()
                .map(rows -> {
                    List<StaffMember> members = new ArrayList<>();
                    rows.forEach(row -> members.add(member(row)));
                    return members;
                })
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Void> add(StaffMember m) {
        return pool.preparedQuery("INSERT INTO staff (username, display_name, role, password_hash, active) "
                        + "VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(m.username(), m.displayName(), m.role().wireName(), m.passwordHash(), m.active()))
                .<Void>mapEmpty()
                .recover(e -> StoreFailures.hasSqlState(e, "23505")
                        ? Future.failedFuture(new QueueException(Problem.STAFF_EXISTS, m.username()))
                        : StoreFailures.translate(e));
    }

    @Override
    public Future<Boolean> setPasswordHash(String username, String passwordHash) {
        return pool.preparedQuery("UPDATE staff SET password_hash = $2, token_generation = token_generation + 1 "
                        + "WHERE username = $1")
                .execute(Tuple.of(username, passwordHash))
                .map(rows -> rows.rowCount() == 1)
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Boolean> anyWithRole(Role role) {
        return pool.preparedQuery("SELECT 1 FROM staff WHERE role = $1 AND active LIMIT 1")
                .execute(Tuple.of(role.wireName()))
                .map(rows -> rows.rowCount() > 0)
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Boolean> revokeTokens(String username) {
        return pool.preparedQuery("UPDATE staff SET token_generation = token_generation + 1 WHERE username = $1")
                .execute(Tuple.of(username))
                .map(rows -> rows.rowCount() == 1)
                .recover(StoreFailures::translate);
    }

    @Override
    public Future<Boolean> setActive(String username, boolean active) {
        return pool.preparedQuery("UPDATE staff SET active = $2, token_generation = token_generation + 1 "
                        + "WHERE username = $1")
                .execute(Tuple.of(username, active))
                .map(rows -> rows.rowCount() == 1)
                .recover(StoreFailures::translate);
    }

    private static StaffMember member(Row row) {
        return new StaffMember(row.getString("username"), row.getString("display_name"),
                Role.fromWire(row.getString("role")).orElseThrow(), row.getString("password_hash"),
                row.getBoolean("active"), row.getInteger("token_generation"));
    }
}
