package vn.luot.core.live;

import io.vertx.core.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * One site's event stream: its sequence numbers and its subscribers, grouped by event loop. Owned by
 * the hub's thread. Each message reaches every group in the order it was broadcast, because every
 * group's tasks are queued from that one thread.
 */
final class SiteChannel {
    private long sequence;
    private int subscribers;
    private final Map<Context, SubscriberGroup> groups = new HashMap<>();

    long next() {
        return ++sequence;
    }

    long current() {
        return sequence;
    }

    void subscribed() {
        subscribers++;
    }

    void unsubscribed() {
        subscribers = Math.max(0, subscribers - 1);
    }

    /** With nobody listening an event still takes its number, but nothing needs to be written out. */
    boolean hasSubscribers() {
        return subscribers > 0;
    }

    SubscriberGroup groupFor(Context context) {
        return groups.computeIfAbsent(context, SubscriberGroup::new);
    }

    void broadcast(String message) {
        for (SubscriberGroup group : groups.values()) {
            group.run(() -> group.sendToAll(message));
        }
    }
}
