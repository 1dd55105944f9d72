package vn.luot.core.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Duration;
import java.time.Instant;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.Role;

/** Issues and checks the bearer tokens (HS256 JWTs) that staff present. */
public final class Tokens {
    private static final String ALGORITHM = "HS256";
    private static final String GENERATION = "gen";
    private final JWTAuth jwt;
    private final Duration ttl;

    public Tokens(Vertx vertx, String secret, Duration ttl) {
        this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(secret)));
        this.ttl = ttl;
    }

    public record Issued(String token, Instant expiresAt) {
    }

    /** @param generation the account's token generation: the token dies when the account's moves on */
    public Issued issue(String username, Role role, String displayName, int generation) {
        String token = jwt.generateToken(
                new JsonObject().put("sub", username).put("role", role.wireName()).put("name", displayName)
                        .put(GENERATION, generation),
                new JWTOptions().setAlgorithm(ALGORITHM).setExpiresInSeconds((int) ttl.toSeconds()));
        // JWT expiry is checked against the system clock, so the stated expiry uses it too.
        return new Issued(token, Instant.now().plus(ttl));
    }

    /** What a well-signed, unexpired token claims; {@link StaffAccounts} checks it against the account. */
    public record Claims(String username, int generation) {
    }

    /** Fails with {@code INVALID_TOKEN} for a bad, forged or expired token. */
    public Future<Claims> claims(String token) {
        return jwt.authenticate(new TokenCredentials(token))
                .recover(e -> Future.failedFuture(new QueueException(Problem.INVALID_TOKEN, reason(e))))
                .map(user -> {
                    JsonObject claims = user.principal();
                    String username = claims.getString("sub");
                    Object generation = claims.getValue(GENERATION);
                    if (username == null || !(generation instanceof Number n)) {
                        throw new QueueException(Problem.INVALID_TOKEN, "not a valid token");
                    }
                    return new Claims(username, n.intValue());
                });
    }

    private static String reason(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (message.contains("expired")) {
            return "expired";
        }
        if (message.contains("signature")) {
            return "bad signature";
        }
        return "not a valid token";
    }
}
