package vn.luot.core.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/**
 * The one way a Vert.x instance is made here: with its metrics going to our Prometheus registry, and on
 * Linux with Netty's epoll transport (issue 15): a live event costs each subscriber a write system call,
 * and epoll's path to it is shorter than Java NIO's. Elsewhere Vert.x falls back to NIO by itself.
 */
public final class VertxFactory {
    private VertxFactory() {
    }

    public static Vertx create(PrometheusMeterRegistry registry) {
        MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
                .setEnabled(true)
                .setJvmMetricsEnabled(true);
        return Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(metrics).setPreferNativeTransport(true))
                .withMetrics(new StartupSafeMetrics(new MicrometerMetricsFactory(registry)))
                .build();
    }
}
