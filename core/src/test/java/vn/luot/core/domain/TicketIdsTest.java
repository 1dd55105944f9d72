package vn.luot.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.domain.ticket.TicketIds;

@DisplayName("Ticket ids")
class TicketIdsTest {

    @Test
    @DisplayName("Ids are standard version-7 UUIDs that carry the issue time in milliseconds")
    void versionSeven() {
        Instant issued = Instant.parse("2026-11-27T01:05:00.123Z");
        UUID id = TicketIds.next(issued);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(issued.toEpochMilli());
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Test
    @DisplayName("Later tickets sort after earlier ones, and ids issued in the same millisecond still differ")
    void orderedAndUnique() {
        Instant first = Instant.parse("2026-11-27T01:05:00Z");
        UUID earlier = TicketIds.next(first);
        UUID later = TicketIds.next(first.plusMillis(1));
        Set<UUID> sameInstant = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            sameInstant.add(TicketIds.next(first));
        }

        assertThat(earlier.toString()).isLessThan(later.toString());
        assertThat(sameInstant).hasSize(10_000);
    }
}
