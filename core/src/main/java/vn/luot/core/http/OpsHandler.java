package vn.luot.core.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import vn.luot.core.domain.Problem;
import vn.luot.core.i18n.Messages;
import vn.luot.core.store.QueueStore;

/** For operators: health, metrics and the API description. */
public final class OpsHandler {
    private final QueueStore store;
    private final Handler<RoutingContext> prometheus;
    private final Buffer openApi;

    public OpsHandler(QueueStore store, PrometheusMeterRegistry registry) {
        this.store = store;
        this.prometheus = PrometheusScrapingHandler.create(registry);
        this.openApi = Buffer.buffer(resource("/api/openapi.yaml"));
    }

    /** Ready only when the database answers: a load balancer sends no citizen to a node that cannot store tickets. */
    public void health(RoutingContext ctx) {
        store.ping()
                .onSuccess(ok -> Replies.ok(ctx, new JsonObject().put("status", "up").put("database", "up")))
                .onFailure(e -> Replies.json(ctx, 503, new JsonObject()
                        .put("status", "down")
                        .put("database", "down")
                        .put("error", Problem.DATABASE_UNAVAILABLE.code())
                        .put("message", Messages.problem(Problem.DATABASE_UNAVAILABLE,
                                Languages.of(ctx)))));
    }

    public void metrics(RoutingContext ctx) {
        prometheus.handle(ctx);
    }

    public void openApi(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8").end(openApi);
    }

    private static byte[] resource(String path) {
        try (InputStream in = OpsHandler.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
