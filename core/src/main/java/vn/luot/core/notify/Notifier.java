package vn.luot.core.notify;

import io.vertx.core.Future;
import vn.luot.core.domain.notify.Notice;

/**
 * Delivers one message to a citizen. A failed future means "not delivered, try again later"; the outbox
 * sender does that. The notice's id is the idempotency key: a gateway that receives a message twice (an
 * answer lost on the way back) must send it once.
 */
public interface Notifier {
    Future<Void> send(Notice notice, String text);
}
