package vn.luot.core.notify;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.luot.core.domain.booking.PhoneNumber;
import vn.luot.core.domain.notify.Notice;

/**
 * The default {@link Notifier}: writes that a message would be sent, with the phone masked and without
 * its text or fields (they hold the booking code), for a centre without an SMS or Zalo gateway.
 */
public final class LogNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(LogNotifier.class);

    @Override
    public Future<Void> send(Notice notice, String text) {
        String phone = notice.phone();
        String national = phone.startsWith("84") ? "0" + phone.substring(2) : phone;
        LOG.info("Message {} ({}) to {}: {} characters", notice.id(), notice.kind().wireName(), PhoneNumber.mask(national),
                text.length());
        return Future.succeededFuture();
    }
}
