package vn.luot.core.live;

import io.vertx.core.Context;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The subscribers of one site that live on one event loop. The hub hands each message to the group
 * once; the group writes it to its sockets on their own thread. Its members are touched on that thread only.
 */
final class SubscriberGroup {
    private final Context context;
    private final Set<Subscriber> members = new LinkedHashSet<>();

    SubscriberGroup(Context context) {
        this.context = context;
    }

    /** Queues a task on the group's event loop; tasks run in the order they were queued. */
    void run(Runnable task) {
        context.runOnContext(v -> task.run());
    }

    void join(Subscriber subscriber, EncodedMessage snapshot) {
        if (subscriber.send(snapshot)) {
            members.add(subscriber);
        }
    }

    void leave(Subscriber subscriber) {
        members.remove(subscriber);
    }

    void sendToAll(EncodedMessage message) {
        Iterator<Subscriber> it = members.iterator();
        while (it.hasNext()) {
            if (!it.next().send(message)) {
                it.remove();
            }
        }
    }
}
