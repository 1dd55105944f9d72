package vn.luot.core.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import vn.luot.core.auth.Tokens;
import vn.luot.core.domain.Actor;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.Role;

/**
 * Guards staff routes: a valid bearer token is required, and optionally one of some roles.
 * Citizen routes (taking a ticket, viewing queues) never pass through here.
 */
public final class StaffAuth {
    private static final String ACTOR = "luot.actor";
    private final Tokens tokens;

    public StaffAuth(Tokens tokens) {
        this.tokens = tokens;
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
            tokens.verify(header.substring(7).trim())
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
