package vn.luot.core.http;

import io.vertx.ext.web.RoutingContext;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.store.Command;

/**
 * Reads the {@code Idempotency-Key} header. A client that sends the same key again (a double tap, a
 * retry after a dropped connection) gets the first outcome back, and nothing happens twice.
 */
final class Idempotency {
    static final String HEADER = "Idempotency-Key";
    private static final int MAX_LENGTH = 200;

    private Idempotency() {
    }

    static String key(RoutingContext ctx) {
        String key = ctx.request().getHeader(HEADER);
        if (key == null || key.isBlank()) {
            return null;
        }
        if (key.length() > MAX_LENGTH) {
            throw new QueueException(Problem.INVALID_FIELD, HEADER, FieldRule.SHORT_TEXT);
        }
        return key.trim();
    }

    /**
     * A staff action on a counter, fingerprinted by what it is and what was sent with it: a SHA-256 of
     * both (the {@code request_hash} column holds a hash, not the body).
     */
    static Command command(RoutingContext ctx, int counterId, String action, RequestBody body) {
        return command(ctx, "counter:" + counterId + ":" + action, body);
    }

    /** Any keyed request, fingerprinted by its scope and its body. */
    static Command command(RoutingContext ctx, String scope, RequestBody body) {
        return new Command(key(ctx), scope, sha256(scope + " " + body.canonical()));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
