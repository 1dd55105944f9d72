package vn.luot.core.events.impl;

import vn.luot.core.domain.event.QueueEvent;
import vn.luot.core.events.EventPublisher;
import vn.luot.core.live.LiveHub;

/** Hands events straight to this node's live hub, which numbers them per site and fans them out. */
public final class LocalEventPublisher implements EventPublisher {
    private final LiveHub hub;

    public LocalEventPublisher(LiveHub hub) {
        this.hub = hub;
    }

    @Override
    public void publish(QueueEvent event) {
        hub.deliver(event);
    }
}
