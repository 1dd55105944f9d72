package vn.luot.core.events;

import vn.luot.core.domain.event.QueueEvent;

/**
 * Announces committed changes to every live view: hall displays, phones, printers, other nodes.
 * Publish only after the change is committed, so nothing is announced that could still roll back.
 *
 * <p>Today's implementation is in-process ({@link vn.luot.core.events.impl.LocalEventPublisher}). With
 * several nodes, a Redis pub/sub implementation takes its place; so no code may assume that the events
 * a node sees are the events that node produced.
 */
public interface EventPublisher {
    void publish(QueueEvent event);
}
