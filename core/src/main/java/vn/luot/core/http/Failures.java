package vn.luot.core.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.CatalogueRef;
import vn.luot.core.i18n.Messages;
import vn.luot.core.store.StoreUnavailableException;
import vn.luot.core.store.impl.StoreFailures;

/**
 * Turns every failure into {@code {"error": code, "message": words}} with the right status. The message
 * is Vietnamese when the client's Accept-Language (as the router parses it, see {@link Languages}) prefers
 * it, English otherwise.
 */
public final class Failures {
    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
    private final int maxBodyBytes;
    private final Catalogue catalogue;
    private final OutageLog outages = new OutageLog();

    public Failures(int maxBodyBytes, Catalogue catalogue) {
        this.maxBodyBytes = maxBodyBytes;
        this.catalogue = catalogue;
    }

    public void handle(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        Throwable failure = ctx.failure();
        Problem problem;
        Object[] arguments = {};
        if (failure instanceof QueueException q) {
            problem = q.problem();
            arguments = named(q.arguments());
        } else if (failure instanceof StoreUnavailableException || StoreFailures.isUnavailable(failure)) {
            problem = Problem.DATABASE_UNAVAILABLE;
            outages.unavailable(ctx.request().method().name(), ctx.request().path(), failure);
        } else {
            int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
            problem = switch (status) {
                case 413 -> Problem.BODY_TOO_LARGE;
                case 404 -> Problem.NOT_FOUND;
                case 405 -> Problem.METHOD_NOT_ALLOWED;
                case 400 -> Problem.MALFORMED_JSON;
                default -> Problem.INTERNAL_ERROR;
            };
            arguments = switch (problem) {
                case BODY_TOO_LARGE -> new Object[] {maxBodyBytes};
                case NOT_FOUND -> new Object[] {ctx.normalizedPath()};
                case METHOD_NOT_ALLOWED -> new Object[] {ctx.request().method().name()};
                case MALFORMED_JSON -> new Object[] {failure == null ? "" : failure.getMessage()};
                default -> new Object[] {};
            };
            if (problem == Problem.INTERNAL_ERROR) {
                LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
            }
        }
        respond(ctx, problem, arguments);
    }

    /** Sites and services by their configured names, not their ids (an unknown id stays as typed). */
    private Object[] named(Object[] arguments) {
        Object[] named = arguments.clone();
        for (int i = 0; i < named.length; i++) {
            if (named[i] instanceof CatalogueRef ref) {
                named[i] = catalogue.nameOf(ref).<Object>map(n -> n).orElse(ref.id());
            }
        }
        return named;
    }

    public static void respond(RoutingContext ctx, Problem problem, Object... arguments) {
        respond(ctx, problem, new JsonObject(), arguments);
    }

    /** As {@link #respond(RoutingContext, Problem, Object...)}, with more fields that help the client on. */
    public static void respond(RoutingContext ctx, Problem problem, JsonObject more, Object... arguments) {
        Locale locale = Languages.of(ctx);
        JsonObject body = new JsonObject()
                .put("error", problem.code())
                .put("message", Messages.problem(problem, locale, arguments))
                .mergeIn(more);
        ctx.response()
                .setStatusCode(ProblemStatus.of(problem))
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }
}
