package vn.luot.core.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import vn.luot.core.auth.impl.DefaultStaffService;
import vn.luot.core.domain.Role;
import vn.luot.core.store.StaffMember;
import vn.luot.core.store.StaffStore;

/** Staff accounts and logins. */
public interface StaffService {
    /** The first admin account's username. */
    String FIRST_ADMIN = "admin";

    static StaffService create(Vertx vertx, StaffStore store, Tokens tokens, int hashIterations,
                               StaffAccounts accounts) {
        return new DefaultStaffService(vertx, store, tokens, new PasswordHasher(hashIterations), accounts);
    }

    record Login(Tokens.Issued token, StaffMember member) {
    }

    /** Fails with {@code INVALID_CREDENTIALS} for an unknown user, a wrong password or a disabled account. */
    Future<Login> login(String username, String password);

    Future<StaffMember> add(String username, String displayName, Role role, String password);

    Future<List<StaffMember>> list();

    /** Sets a new password; every token of the account dies with the old one. */
    Future<Void> setPassword(String username, String password);

    /** Ends every session of the account (all its tokens). */
    Future<Void> logout(String username);

    /**
     * Disables (or enables again) an account: it is kept, with its history, but cannot log in, and its
     * tokens die. Nobody disables their own account (the last admin cannot lock everyone out).
     */
    Future<Void> setActive(String username, boolean active, String byWhom);

    /**
     * Creates the {@value #FIRST_ADMIN} account with this password when no admin exists yet.
     *
     * @return true when it created one
     */
    Future<Boolean> ensureFirstAdmin(String password);
}
