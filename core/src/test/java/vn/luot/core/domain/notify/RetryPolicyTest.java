package vn.luot.core.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RetryPolicy and Templates: how messages are retried, and their text")
class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 12);

    @Test
    @DisplayName("Retries wait 30 s, then twice as long each time, never more than an hour")
    void backoff() {
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofSeconds(480));
        assertThat(policy.delayAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.delayAfter(11)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    @DisplayName("After 12 failed tries a message is given up, not before")
    void givesUp() {
        assertThat(policy.givesUpAfter(11)).isFalse();
        assertThat(policy.givesUpAfter(12)).isTrue();
    }

    @Test
    @DisplayName("A template's {fields} are filled from the message; an unknown field stays as written")
    void templates() {
        Map<NoticeKind, String> texts = new java.util.EnumMap<>(NoticeKind.class);
        for (NoticeKind kind : NoticeKind.values()) {
            texts.put(kind, "Lich hen {code} luc {time} {unknown}");
        }
        Notice notice = new Notice(UUID.randomUUID(), NoticeKind.REMINDER, "84912345678",
                Map.of("code", "K7M2QX", "time", "09:00 27/11/2026"), Instant.EPOCH, null, null);

        assertThat(new Templates(texts).render(notice)).isEqualTo("Lich hen K7M2QX luc 09:00 27/11/2026 {unknown}");
    }
}
