package vn.luot.core.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import vn.luot.core.auth.StaffAccounts;
import vn.luot.core.auth.Tokens;
import vn.luot.core.domain.Actor;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.Role;

/**
 * Guards staff routes: a valid bearer token is required, and optionally one of some roles. Every
 * request checks the token against its account ({@link StaffAccounts}): a token outlives neither its
 * password, nor a logout, nor its account being disabled, and the role is the account's.
 *
 * <p>Why not vertx-auth-jwt's {@code JWTAuthHandler}: it answers failures with its own bodies and
 * statuses, and would still need this account check after it; the JWT itself is checked by vertx-auth-jwt.
 * Citizen routes (taking a ticket, viewing queues) never pass through here.
 */
public final class StaffAuth {
    private static final String ACTOR = "luot.actor";
    private final Tokens tokens;
    private final StaffAccounts accounts;

    public StaffAuth(Tokens tokens, StaffAccounts accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    /** Any logged-in member of staff. */
    public Handler<RoutingContext> anyStaff() {
        return withRole();
    }

    /**
     * For routes open to the public that staff use too (taking a ticket at the desk): a token, when one is
     * sent, must be valid and tells who acts; without one the request is the public's.
     */
    public Handler<RoutingContext> optionalStaff() {
        Handler<RoutingContext> staff = withRole();
        return ctx -> {
            if (ctx.request().getHeader("Authorization") == null) {
                ctx.next();
            } else {
                staff.handle(ctx);
            }
        };
    }

    public Handler<RoutingContext> withRole(Role... allowed) {
        return ctx -> {
            String header = ctx.request().getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
                ctx.fail(new QueueException(Problem.MISSING_TOKEN));
                return;
            }
            tokens.claims(header.substring(7).trim())
                    .compose(accounts::actor)
                    .onSuccess(actor -> {
                        if (allowed.length > 0 && !actor.hasRole(allowed)) {
                            ctx.fail(new QueueException(Problem.FORBIDDEN, actor.role()));
                            return;
                        }
                        ctx.put(ACTOR, actor);
                        ctx.next();
                    })
                    .onFailure(ctx::fail);
        };
    }

    public static Actor actor(RoutingContext ctx) {
        return ctx.get(ACTOR);
    }
}
