package vn.luot.core.domain.ticket;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Ticket ids: UUIDs of version 7, whose first 48 bits are the issue time in milliseconds and whose other
 * 74 bits are random. The random part keeps a ticket's tracking link unguessable; the time in front
 * makes new ids sort after older ones, so the database appends to its indexes instead of touching a
 * random page for every ticket (far less to write, and to flush, per ticket issued).
 */
public final class TicketIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TicketIds() {
    }

    public static UUID next(Instant issuedAt) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long millis = issuedAt.toEpochMilli();
        long high = (millis << 16) | 0x7000L | ((random[0] & 0x0fL) << 8) | (random[1] & 0xffL);
        long low = 0x8000000000000000L | ((random[2] & 0x3fL) << 56);
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xffL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }
}
