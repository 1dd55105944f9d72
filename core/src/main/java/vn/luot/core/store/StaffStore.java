package vn.luot.core.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.Optional;
import vn.luot.core.domain.Role;
import vn.luot.core.store.impl.PgStaffStore;

/** Staff accounts. */
public interface StaffStore {

    static StaffStore create(Pool pool) {
        return new PgStaffStore(pool);
    }

    Future<Optional<StaffMember>> find(String username);

    Future<List<StaffMember>> list();

    /** Adds an account; fails with {@code STAFF_EXISTS} when the username is taken. */
    Future<Void> add(StaffMember member);

    /** @return false when there is no such account */
    Future<Boolean> setPasswordHash(String username, String passwordHash);

    Future<Boolean> anyWithRole(Role role);

    /** Revokes every token of the account (a new generation). @return false when there is no such account */
    Future<Boolean> revokeTokens(String username);

    /** Enables or disables an account; either way its tokens are revoked. @return false when there is none */
    Future<Boolean> setActive(String username, boolean active);
}
