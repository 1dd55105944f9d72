package vn.luot.core.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.luot.core.domain.notify.Notice;
import vn.luot.core.store.impl.PgOutboxStore;

/**
 * The outbox of messages to citizens. Messages are added by the stores, in the transaction of the change
 * that causes them; the sender claims due ones, delivers them and records the outcome. Claiming is safe
 * with several server nodes: a claimed message is leased to one sender ({@code FOR UPDATE SKIP LOCKED}).
 */
public interface OutboxStore {

    static OutboxStore create(Pool pool) {
        return new PgOutboxStore(pool);
    }

    /** A message as the sender sees it. */
    record Pending(Notice notice, int attempts) {
    }

    /** A message given up, for managers; the phone masked. */
    record Failed(UUID id, String kind, String maskedPhone, int attempts, String lastError, Instant createdAt) {
    }

    /** Claims up to {@code limit} messages due at {@code now}, leased for {@code lease} to this sender. */
    Future<List<Pending>> claimDue(Instant now, Duration lease, int limit);

    Future<Void> markSent(UUID id, Instant at);

    /** Records a failed attempt: tried again at {@code retryAt}, or failed for good when it is null. */
    Future<Void> markFailed(UUID id, int attempts, Instant retryAt, String error);

    /** Adds a message unless one with its id exists (a turn-near message is sent once per ticket). */
    Future<Boolean> addOnce(Notice notice, Instant now);

    Future<List<Failed>> failed(int limit);

    /**
     * The waiting remote and booked tickets of the day with a phone number that have had no turn-near
     * message yet: the ones to watch.
     */
    Future<List<Watched>> ticketsToWatch(java.time.LocalDate serviceDay);

    /** A ticket to watch for its turn-near message, with its phone number as stored (national form). */
    record Watched(UUID ticketId, String phone) {
    }
}
