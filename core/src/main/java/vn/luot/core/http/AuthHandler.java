package vn.luot.core.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.luot.core.auth.StaffService;
import vn.luot.core.domain.Actor;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.Role;
import vn.luot.core.json.JsonViews;
import vn.luot.core.limits.LoginThrottle;
import vn.luot.core.store.StaffMember;

/** Logging in, and managing staff accounts (admins). */
public final class AuthHandler {
    private final StaffService staff;
    private final JsonViews views;
    private final LoginThrottle throttle;

    public AuthHandler(StaffService staff, JsonViews views, LoginThrottle throttle) {
        this.staff = staff;
        this.views = views;
        this.throttle = throttle;
    }

    /** Throttled before the password is hashed, so a refused guess costs the server one statement, no hashing. */
    public void login(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx);
        String username = body.requiredText("username");
        String password = body.requiredText("password");
        throttle.begin(username, ClientAddress.of(ctx))
                .compose(attempt -> attempt.allowed()
                        ? staff.login(username, password).compose(login -> attempt.succeeded().map(login))
                        : Future.failedFuture(refused(ctx, attempt)))
                .onSuccess(login -> Replies.ok(ctx, new JsonObject()
                        .put("token", login.token().token())
                        .put("tokenType", "Bearer")
                        .put("expiresAt", views.time(login.token().expiresAt()))
                        .put("staff", member(login.member()))))
                .onFailure(ctx::fail);
    }

    private static QueueException refused(RoutingContext ctx, LoginThrottle.Attempt attempt) {
        ctx.response().putHeader("Retry-After", Long.toString(attempt.retryAfterSeconds()));
        return new QueueException(Problem.TOO_MANY_LOGIN_ATTEMPTS, attempt.retryAfterSeconds());
    }

    /** {@code POST /api/v1/auth/logout}: ends every session of the caller's account. */
    public void logout(RoutingContext ctx) {
        staff.logout(StaffAuth.actor(ctx).username()).onSuccess(done -> Replies.noContent(ctx)).onFailure(ctx::fail);
    }

    /** {@code POST /api/v1/staff/{username}/disable}: the account stays, with its history, but cannot log in. */
    public void disable(RoutingContext ctx) {
        staff.setActive(ctx.pathParam("username"), false, StaffAuth.actor(ctx).username())
                .onSuccess(done -> Replies.noContent(ctx)).onFailure(ctx::fail);
    }

    public void enable(RoutingContext ctx) {
        staff.setActive(ctx.pathParam("username"), true, StaffAuth.actor(ctx).username())
                .onSuccess(done -> Replies.noContent(ctx)).onFailure(ctx::fail);
    }

    public void me(RoutingContext ctx) {
        Actor actor = StaffAuth.actor(ctx);
        Replies.ok(ctx, new JsonObject().put("username", actor.username()).put("role", actor.role().wireName()));
    }

    public void listStaff(RoutingContext ctx) {
        staff.list().onSuccess(members -> {
            JsonArray items = new JsonArray();
            members.forEach(m -> items.add(member(m)));
            Replies.ok(ctx, new JsonObject().put("staff", items));
        }).onFailure(ctx::fail);
    }

    public void addStaff(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx);
        String roleName = body.requiredText("role");
        Role role = Role.fromWire(roleName)
                .orElseThrow(() -> new QueueException(Problem.INVALID_FIELD, "role", FieldRule.ROLE));
        String username = body.requiredText("username");
        String displayName = body.optionalText("displayName");
        staff.add(username, displayName == null ? username : displayName, role, body.requiredText("password"))
                .onSuccess(m -> Replies.json(ctx, 201, member(m)))
                .onFailure(ctx::fail);
    }

    public void setPassword(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx);
        staff.setPassword(ctx.pathParam("username"), body.requiredText("password"))
                .onSuccess(done -> Replies.noContent(ctx))
                .onFailure(ctx::fail);
    }

    private static JsonObject member(StaffMember m) {
        return new JsonObject().put("username", m.username()).put("displayName", m.displayName())
                .put("role", m.role().wireName()).put("active", m.active());
    }
}
