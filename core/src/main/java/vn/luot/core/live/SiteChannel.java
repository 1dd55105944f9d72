package vn.luot.core.live;

import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import vn.luot.core.domain.board.QueueStats;

/**
 * One site's event stream: its sequence numbers and its subscribers, grouped by event loop. Owned by
 * the hub's thread. Each message reaches every group in the order it was broadcast, because every
 * group's tasks are queued from that one thread.
 *
 * <p>It also remembers the waiting lines as its subscribers hold them (issue 15): an event carries only
 * the lines whose figures moved since the message before, and a snapshot gives the lines as of its own
 * sequence number, so a subscriber that applies every event in order holds what the board showed.
 */
final class SiteChannel {
    private long sequence;
    private int subscribers;
    private final Map<Context, SubscriberGroup> groups = new HashMap<>();
    /** The lines as of the latest sequence number, in the board's order; null while nobody needs them. */
    private Map<String, QueueStats> heldLines;

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

    /** The lines for a snapshot at the current sequence number: the held ones, or the board's when none are held. */
    List<QueueStats> linesForSnapshot(Supplier<List<QueueStats>> board) {
        if (heldLines == null) {
            heldLines = new LinkedHashMap<>();
            board.get().forEach(line -> heldLines.put(line.serviceId(), line));
        }
        return List.copyOf(heldLines.values());
    }

    /** The lines whose figures differ from the held ones; from now on those are held. */
    List<QueueStats> changedLines(List<QueueStats> now) {
        if (heldLines == null) {
            heldLines = new LinkedHashMap<>();
        }
        List<QueueStats> changed = new ArrayList<>();
        for (QueueStats line : now) {
            if (!Objects.equals(heldLines.put(line.serviceId(), line), line)) {
                changed.add(line);
            }
        }
        return changed;
    }

    /**
     * Nobody holds the lines any more (an event passed with no subscriber, or the boards were reloaded):
     * the next snapshot takes them from the board.
     */
    void forgetLines() {
        heldLines = null;
    }

    SubscriberGroup groupFor(Context context) {
        return groups.computeIfAbsent(context, SubscriberGroup::new);
    }

    void broadcast(EncodedMessage message) {
        for (SubscriberGroup group : groups.values()) {
            group.run(() -> group.sendToAll(message));
        }
    }
}
