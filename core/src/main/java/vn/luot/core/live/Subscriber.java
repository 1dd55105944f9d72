package vn.luot.core.live;

import io.vertx.core.Context;

/**
 * One live connection: a hall display, a counter screen, a phone. It is only ever called on its own
 * context (the event loop of its socket), so it needs no locking.
 */
public interface Subscriber {
    Context context();

    /**
     * Sends one message, already encoded: the same bytes go to every subscriber.
     *
     * @return false when the connection is gone (or too slow to keep up and was closed), so it is dropped
     */
    boolean send(EncodedMessage message);
}
