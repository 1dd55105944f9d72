package vn.luot.core.auth.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.regex.Pattern;
import vn.luot.core.auth.PasswordHasher;
import vn.luot.core.auth.StaffAccounts;
import vn.luot.core.auth.StaffService;
import vn.luot.core.auth.Tokens;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.Role;
import vn.luot.core.store.StaffMember;
import vn.luot.core.store.StaffStore;

/** Accounts in the {@link StaffStore}; hashing runs on worker threads, never on an event loop. */
public final class DefaultStaffService implements StaffService {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,32}");
    private static final int MIN_PASSWORD_LENGTH = 10;

    private final Vertx vertx;
    private final StaffStore store;
    private final Tokens tokens;
    private final PasswordHasher hasher;
    private final StaffAccounts accounts;
    /**
     * Checked when the username is unknown, so that a login takes as long either way. Made on first need,
     * off the event loop: hashing takes most of a second and must not delay the server's start.
     */
    private Future<String> decoyHash;

    public DefaultStaffService(Vertx vertx, StaffStore store, Tokens tokens, PasswordHasher hasher,
                               StaffAccounts accounts) {
        this.accounts = accounts;
        this.vertx = vertx;
        this.store = store;
        this.tokens = tokens;
        this.hasher = hasher;
    }

    private synchronized Future<String> decoyHash() {
        if (decoyHash == null || decoyHash.failed()) {
            decoyHash = vertx.executeBlocking(() -> hasher.hash("decoy password that matches nothing"));
        }
        return decoyHash;
    }

    @Override
    public Future<Login> login(String username, String password) {
        return store.find(username).compose(found -> {
            Future<String> stored = found.filter(StaffMember::active).map(StaffMember::passwordHash)
                    .map(Future::succeededFuture).orElseGet(this::decoyHash);
            return stored.compose(hash -> vertx.executeBlocking(() -> hasher.verify(password, hash))).map(matches -> {
                StaffMember member = found.filter(StaffMember::active).orElse(null);
                if (!matches || member == null) {
                    throw new QueueException(Problem.INVALID_CREDENTIALS);
                }
                return new Login(tokens.issue(member.username(), member.role(), member.displayName(),
                        member.tokenGeneration()), member);
            });
        });
    }

    @Override
    public Future<StaffMember> add(String username, String displayName, Role role, String password) {
        if (!USERNAME.matcher(username).matches()) {
            return Future.failedFuture(new QueueException(Problem.INVALID_FIELD, "username", FieldRule.USERNAME));
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            return Future.failedFuture(new QueueException(Problem.WEAK_PASSWORD, MIN_PASSWORD_LENGTH));
        }
        return vertx.executeBlocking(() -> hasher.hash(password)).compose(hash -> {
            StaffMember member = new StaffMember(username, displayName, role, hash, true);
            return store.add(member).map(member);
        });
    }

    @Override
    public Future<List<StaffMember>> list() {
        return store.list();
    }

    @Override
    public Future<Void> setPassword(String username, String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            return Future.failedFuture(new QueueException(Problem.WEAK_PASSWORD, MIN_PASSWORD_LENGTH));
        }
        return vertx.executeBlocking(() -> hasher.hash(password))
                .compose(hash -> store.setPasswordHash(username, hash))
                .map(found -> {
                    accounts.forget(username);
                    if (!found) {
                        throw new QueueException(Problem.STAFF_NOT_FOUND, username);
                    }
                    return null;
                });
    }

    @Override
    public Future<Void> logout(String username) {
        return store.revokeTokens(username).<Void>mapEmpty().onComplete(done -> accounts.forget(username));
    }

    @Override
    public Future<Void> setActive(String username, boolean active, String byWhom) {
        if (!active && username.equals(byWhom)) {
            return Future.failedFuture(new QueueException(Problem.CANNOT_DISABLE_SELF));
        }
        return store.setActive(username, active).map(found -> {
            accounts.forget(username);
            if (!found) {
                throw new QueueException(Problem.STAFF_NOT_FOUND, username);
            }
            return (Void) null;
        });
    }

    @Override
    public Future<Boolean> ensureFirstAdmin(String password) {
        return store.anyWithRole(Role.ADMIN).compose(exists -> exists
                ? Future.succeededFuture(false)
                : add(FIRST_ADMIN, FIRST_ADMIN, Role.ADMIN, password).map(true));
    }
}
