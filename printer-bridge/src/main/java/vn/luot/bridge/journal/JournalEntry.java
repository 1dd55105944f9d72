package vn.luot.bridge.journal;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One job as the journal holds it.
 *
 * @param attempts how many times its bytes started going to the printer
 * @param reason   why it failed, for {@link JobState#FAILED}
 * @param job      the job as the core sent it
 */
public record JournalEntry(String jobId, JobState state, int attempts, Instant receivedAt, Instant updatedAt,
                           String reason, JsonObject job) {

    JsonObject toJson() {
        return new JsonObject().put("jobId", jobId).put("state", state.name()).put("attempts", attempts)
                .put("receivedAt", receivedAt.toString()).put("updatedAt", updatedAt.toString())
                .put("reason", reason).put("job", job);
    }

    static JournalEntry fromJson(JsonObject json) {
        return new JournalEntry(json.getString("jobId"), JobState.valueOf(json.getString("state")),
                json.getInteger("attempts", 0), Instant.parse(json.getString("receivedAt")),
                Instant.parse(json.getString("updatedAt")), json.getString("reason"), json.getJsonObject("job"));
    }

    JournalEntry with(JobState newState, int newAttempts, String newReason, Instant now) {
        return new JournalEntry(jobId, newState, newAttempts, receivedAt, now, newReason, job);
    }
}
