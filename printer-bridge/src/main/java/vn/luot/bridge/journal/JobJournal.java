package vn.luot.bridge.journal;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's memory of its jobs, one small file per job in the journal directory. Every change is
 * written to a temporary file, forced to the disk, and renamed over the old one (then the directory is
 * forced too), so after a power cut each job's file is either the old state or the new one, never half.
 *
 * <p>This is what makes printing exactly-once across restarts: the bridge acknowledges a job to the core
 * only after {@link #accept} has put it on disk, and reports it printed only after {@link #update} has
 * recorded {@link JobState#PRINTED}. A job the core sends again is recognised by its id.
 *
 * <p>Thread-safe: the journal is used from the event loop's blocking tasks and from the printer's thread.
 */
public final class JobJournal {
    private static final Logger LOG = LoggerFactory.getLogger(JobJournal.class);
    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final String SUFFIX = ".json";

    private final Path directory;
    private final Clock clock;
    private final Map<String, JournalEntry> entries = new HashMap<>();

    private JobJournal(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** Opens (creating if needed) the journal directory and reads what it holds. */
    public static JobJournal open(Path directory, Clock clock) {
        JobJournal journal = new JobJournal(directory, clock);
        try {
            Files.createDirectories(directory);
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".tmp")) {
                        Files.deleteIfExists(file);
                    } else if (name.endsWith(SUFFIX)) {
                        journal.read(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal " + directory, e);
        }
        return journal;
    }

    /** What the journal says about a job that arrives. */
    public record Acceptance(JournalEntry entry, boolean isNew) {
    }

    /**
     * Puts a new job on disk in state {@link JobState#RECEIVED}; a job already known is left as it is.
     * When this returns, the job survives a crash.
     */
    public synchronized Acceptance accept(String jobId, JsonObject job) {
        if (!JOB_ID.matcher(jobId).matches()) {
            throw new IllegalArgumentException("not a job id: " + jobId);
        }
        JournalEntry known = entries.get(jobId);
        if (known != null) {
            return new Acceptance(known, false);
        }
        Instant now = clock.instant();
        JournalEntry entry = new JournalEntry(jobId, JobState.RECEIVED, 0, now, now, null, job);
        write(entry);
        return new Acceptance(entry, true);
    }

    /** Records a job's next state durably; returns the entry as it is now. */
    public synchronized JournalEntry update(String jobId, JobState state, int attempts, String reason) {
        JournalEntry known = entries.get(jobId);
        if (known == null) {
            throw new IllegalStateException("no job " + jobId + " in the journal");
        }
        JournalEntry next = known.with(state, attempts, reason, clock.instant());
        write(next);
        return next;
    }

    public synchronized Optional<JournalEntry> get(String jobId) {
        return Optional.ofNullable(entries.get(jobId));
    }

    /** Jobs not yet printed or failed, in the order they arrived. */
    public synchronized List<JournalEntry> unfinished() {
        List<JournalEntry> open = new ArrayList<>();
        for (JournalEntry entry : entries.values()) {
            if (!entry.state().finished()) {
                open.add(entry);
            }
        }
        open.sort(Comparator.comparing(JournalEntry::receivedAt).thenComparing(JournalEntry::jobId));
        return open;
    }

    /** Forgets finished jobs older than the given age; the core stops resending a job once it is finished. */
    public synchronized int prune(Duration olderThan) {
        Instant limit = clock.instant().minus(olderThan);
        int removed = 0;
        for (JournalEntry entry : List.copyOf(entries.values())) {
            if (entry.state().finished() && entry.updatedAt().isBefore(limit)) {
                try {
                    Files.deleteIfExists(file(entry.jobId()));
                    entries.remove(entry.jobId());
                    removed++;
                } catch (IOException e) {
                    LOG.warn("Cannot remove the old journal file of job {}: {}", entry.jobId(), e.getMessage());
                }
            }
        }
        return removed;
    }

    private void read(Path file) throws IOException {
        try {
            JournalEntry entry = JournalEntry.fromJson(new JsonObject(Files.readString(file, StandardCharsets.UTF_8)));
            entries.put(entry.jobId(), entry);
        } catch (DecodeException | IllegalArgumentException | NullPointerException | ClassCastException e) {
            // Only a complete file is ever renamed into place, so this is outside damage: keep it for a person.
            Path aside = file.resolveSibling(file.getFileName() + ".damaged");
            LOG.error("Journal file {} is unreadable ({}); moved to {}", file, e.getMessage(), aside);
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void write(JournalEntry entry) {
        Path target = file(entry.jobId());
        Path temporary = directory.resolve(entry.jobId() + SUFFIX + ".tmp");
        byte[] bytes = entry.toJson().encode().getBytes(StandardCharsets.UTF_8);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write job " + entry.jobId() + " to the journal", e);
        }
        entries.put(entry.jobId(), entry);
    }

    /** Makes the rename itself durable (POSIX); where a directory cannot be opened, the rename stands alone. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot force the journal directory: {}", e.getMessage());
        }
    }

    private Path file(String jobId) {
        return directory.resolve(jobId + SUFFIX);
    }
}
