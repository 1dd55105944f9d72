package vn.luot.core.domain.board;

import java.time.Instant;
import java.util.UUID;

/** One line of the hall display's list of latest calls. */
public record RecentCall(UUID ticketId, String number, String serviceId, int counterId, Instant at, boolean recall) {
}
