package vn.luot.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the live fan-out does, for {@code /metrics}: messages encoded (once each, whatever the number of
 * subscribers) and messages written to sockets (once per subscriber). Their ratio is the fan-out.
 */
public final class FanOutMeter {
    private final Counter encoded;
    private final Counter written;

    public FanOutMeter(MeterRegistry registry) {
        this.encoded = Counter.builder("luot.live.messages.encoded")
                .description("Live messages encoded to bytes (once per message, shared by its subscribers)")
                .register(registry);
        this.written = Counter.builder("luot.live.messages.written")
                .description("Live messages written to a socket (once per subscriber)")
                .register(registry);
    }

    public void encoded() {
        encoded.increment();
    }

    public void written() {
        written.increment();
    }
}
