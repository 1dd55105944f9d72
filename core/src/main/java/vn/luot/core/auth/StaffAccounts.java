package vn.luot.core.auth;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.luot.core.domain.Actor;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.store.StaffMember;
import vn.luot.core.store.StaffStore;

/**
 * Checks a token's claims against its account on every staff request: the account must exist, be
 * active and still be on the token's generation, and its role is the account's, not the token's. The
 * account is remembered for a few seconds, so a busy counter costs one query per account per few
 * seconds; a change made on this node (password, logout, disabling) is seen at once, one made on another
 * node within that time.
 */
public final class StaffAccounts {
    public static final Duration REMEMBERED_FOR = Duration.ofSeconds(5);
    private final StaffStore store;
    private final ConcurrentHashMap<String, Remembered> recent = new ConcurrentHashMap<>();

    private record Remembered(Optional<StaffMember> member, long until) {
    }

    public StaffAccounts(StaffStore store) {
        this.store = store;
    }

    /** Fails with {@code INVALID_TOKEN} for an account that is gone, disabled, or past the token's generation. */
    public Future<Actor> actor(Tokens.Claims claims) {
        return member(claims.username()).map(found -> {
            StaffMember member = found.filter(StaffMember::active)
                    .orElseThrow(() -> new QueueException(Problem.INVALID_TOKEN, "no such active account"));
            if (member.tokenGeneration() != claims.generation()) {
                throw new QueueException(Problem.INVALID_TOKEN, "revoked");
            }
            return new Actor(member.username(), member.role());
        });
    }

    /** Forgets what was remembered of an account, after it changed. */
    public void forget(String username) {
        recent.remove(username);
    }

    private Future<Optional<StaffMember>> member(String username) {
        long now = System.nanoTime();
        Remembered known = recent.get(username);
        if (known != null && now - known.until() < 0) {
            return Future.succeededFuture(known.member());
        }
        return store.find(username).onSuccess(found -> {
            if (recent.size() > 10_000) {
                recent.clear();   // a flood of made-up names must not fill the memory
            }
            recent.put(username, new Remembered(found, now + REMEMBERED_FOR.toNanos()));
        });
    }
}
