package vn.luot.bridge.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The bridge's job journal on disk")
class JobJournalTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T01:30:00Z"), ZoneOffset.UTC);

    private static JsonObject job(String id) {
        return new JsonObject().put("jobId", id).put("number", "A001");
    }

    @Test
    @DisplayName("A job accepted once is known by its id: a second delivery is recognised and changes nothing")
    void recognisesAJobSentTwice(@TempDir Path dir) {
        JobJournal journal = JobJournal.open(dir, CLOCK);

        assertThat(journal.accept("job-1", job("job-1")).isNew()).isTrue();
        JobJournal.Acceptance again = journal.accept("job-1", job("job-1"));

        assertThat(again.isNew()).isFalse();
        assertThat(again.entry().state()).isEqualTo(JobState.RECEIVED);
    }

    @Test
    @DisplayName("Every state survives a reopening (a restart), and only unfinished jobs are left to print, in arrival order")
    void survivesARestart(@TempDir Path dir) {
        JobJournal journal = JobJournal.open(dir, CLOCK);
        journal.accept("job-b", job("job-b"));
        journal.accept("job-a", job("job-a"));
        journal.accept("job-c", job("job-c"));
        journal.update("job-b", JobState.PRINTING, 1, null);
        journal.update("job-c", JobState.PRINTED, 1, null);

        JobJournal reopened = JobJournal.open(dir, CLOCK);

        assertThat(reopened.unfinished()).extracting(JournalEntry::jobId).containsExactly("job-a", "job-b");
        assertThat(reopened.get("job-b").orElseThrow().state()).isEqualTo(JobState.PRINTING);
        assertThat(reopened.get("job-b").orElseThrow().attempts()).isEqualTo(1);
        assertThat(reopened.get("job-c").orElseThrow().state()).isEqualTo(JobState.PRINTED);
        assertThat(reopened.get("job-a").orElseThrow().job().getString("number")).isEqualTo("A001");
    }

    @Test
    @DisplayName("A half-written temporary file left by a crash is ignored, and an unreadable file is set aside, not trusted")
    void crashLeftovers(@TempDir Path dir) throws Exception {
        JobJournal.open(dir, CLOCK).accept("job-1", job("job-1"));
        Files.writeString(dir.resolve("job-2.json.tmp"), "{\"jobId\":\"job-2\",\"sta");
        Files.writeString(dir.resolve("job-3.json"), "garbage");

        JobJournal reopened = JobJournal.open(dir, CLOCK);

        assertThat(reopened.unfinished()).extracting(JournalEntry::jobId).containsExactly("job-1");
        assertThat(dir.resolve("job-2.json.tmp")).doesNotExist();
        assertThat(dir.resolve("job-3.json.damaged")).exists();
    }

    @Test
    @DisplayName("Finished jobs are forgotten after the retention time; unfinished ones never are")
    void prunesFinishedJobsOnly(@TempDir Path dir) {
        JobJournal journal = JobJournal.open(dir, CLOCK);
        journal.accept("old-printed", job("old-printed"));
        journal.update("old-printed", JobState.PRINTED, 1, null);
        journal.accept("old-waiting", job("old-waiting"));

        JobJournal later = JobJournal.open(dir, Clock.offset(CLOCK, Duration.ofDays(4)));

        assertThat(later.prune(Duration.ofDays(3))).isEqualTo(1);
        assertThat(later.get("old-printed")).isEmpty();
        assertThat(later.get("old-waiting")).isPresent();
    }
}
