package vn.luot.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;

/** Open-loop ticket issuing over HTTP at a fixed rate ({@link OpenLoop}: latency from the intended send time). */
final class IssueLoad {
    private final Vertx vertx;
    private final HttpClient client;
    private final String host;
    private final int port;
    private final TicketMix mix;

    IssueLoad(Vertx vertx, HttpClient client, String host, int port, TicketMix mix) {
        this.vertx = vertx;
        this.client = client;
        this.host = host;
        this.port = port;
        this.mix = mix;
    }

    Report.IssueStep run(int rate, Duration warmup, Duration measure) {
        return OpenLoop.run(vertx, rate, warmup, measure, i -> send());
    }

    /** One ticket request; it succeeded when answered 201. */
    private Future<Boolean> send() {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port)
                .setURI("/api/v1/tickets").putHeader("Content-Type", "application/json")
                .setIdleTimeout(60_000);
        return client.request(options)
                .compose(request -> request.send(mix.next()))
                .compose(response -> response.body().map(body -> response.statusCode() == 201));
    }
}
