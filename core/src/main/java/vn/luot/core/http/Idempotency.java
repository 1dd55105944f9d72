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

    /** A staff action on a counter, fingerprinted by what it is and what was sent with it. */
    static Command command(RoutingContext ctx, int counterId, String action, RequestBody body) {
        String scope = "counter:" + counterId + ":" + action;
        return new Command(key(ctx), scope, scope + " " + body.canonical());
    }
}
