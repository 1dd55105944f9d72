package vn.luot.core.reports;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.report.GroupBy;
import vn.luot.core.domain.report.ReportQuery;
import vn.luot.core.reports.export.ExportFormat;
import vn.luot.core.reports.export.ExportKind;
import vn.luot.core.reports.export.ExportWriters;
import vn.luot.core.reports.export.ReportWords;
import vn.luot.core.reports.export.TicketSheet;
import vn.luot.core.store.ReportStore;

/**
 * Exports run as jobs: the manager's page starts one, follows its progress (rows written of rows to
 * write) and downloads the file when it is done. Tickets stream from the reports' own pool a batch at a
 * time, each batch written on a worker before the next is read, into a temporary file; the heap holds
 * one batch, whatever the range. Finished files are kept for an hour, on this node.
 */
public final class ExportService {
    private static final Logger LOG = LoggerFactory.getLogger(ExportService.class);
    private static final Duration KEPT = Duration.ofHours(1);

    /** What to export. */
    public record ExportRequest(ExportKind kind, ExportFormat format, ReportQuery query, Locale locale) {
    }

    public enum State { RUNNING, DONE, FAILED }

    /** One export: its progress while it runs, its file once done. */
    public static final class Job {
        private final UUID id = UUID.randomUUID();
        private final ExportRequest request;
        private final Path file;
        private volatile State state = State.RUNNING;
        private volatile long rowsTotal;
        private volatile long rowsWritten;

        Job(ExportRequest request, Path file) {
            this.request = request;
            this.file = file;
        }

        public UUID id() {
            return id;
        }

        public ExportRequest request() {
            return request;
        }

        public State state() {
            return state;
        }

        public long rowsTotal() {
            return rowsTotal;
        }

        public long rowsWritten() {
            return rowsWritten;
        }

        public Path file() {
            return file;
        }

        public String fileName() {
            ReportQuery q = request.query();
            return "luot-" + request.kind().wireName() + "-" + q.from() + "-" + q.to() + "."
                    + request.format().extension();
        }
    }

    private final Vertx vertx;
    private final ReportStore store;
    private final ReportService reports;
    private final Catalogue catalogue;
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final Path directory;

    public ExportService(Vertx vertx, ReportStore store, ReportService reports, Catalogue catalogue) {
        this.vertx = vertx;
        this.store = store;
        this.reports = reports;
        this.catalogue = catalogue;
        try {
            this.directory = Files.createTempDirectory("luot-exports");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary directory for exports", e);
        }
    }

    /** Starts the export and answers at once with its job; the file is written in the background. */
    public Job start(ExportRequest request) {
        Job job = new Job(request, directory.resolve(UUID.randomUUID() + "." + request.format().extension()));
        jobs.put(job.id(), job);
        Future<Void> run = switch (request.kind()) {
            case TICKETS -> tickets(job);
            case SUMMARY -> summary(job);
            case MONTHLY -> monthly(job);
        };
        run.onSuccess(done -> job.state = State.DONE)
                .onFailure(e -> {
                    LOG.warn("Export {} ({} {}) failed", job.id(), request.kind().wireName(),
                            request.format().wireName(), e);
                    job.state = State.FAILED;
                    delete(job.file());
                });
        vertx.setTimer(KEPT.toMillis(), t -> {
            jobs.remove(job.id());
            delete(job.file());
        });
        return job;
    }

    public Optional<Job> job(UUID id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Deletes every file (the server stops). */
    public void close() {
        jobs.values().forEach(job -> delete(job.file()));
        jobs.clear();
        delete(directory);
    }

    private ReportWords words(Job job) {
        return new ReportWords(job.request().locale(), catalogue);
    }

    private Future<Void> tickets(Job job) {
        ReportQuery query = job.request().query();
        ReportWords words = words(job);
        return store.countTickets(query).compose(total -> {
            job.rowsTotal = total;
            return vertx.executeBlocking(() -> ExportWriters.ticketSheet(job.request().format(),
                            Files.newOutputStream(job.file()), words))
                    .compose(sheet -> store.openTickets(query, catalogue.timeZone())
                            .compose(cursor -> copy(cursor, sheet, job).eventually(cursor::close))
                            .eventually(() -> vertx.executeBlocking(() -> {
                                sheet.close();
                                return null;
                            })));
        });
    }

    /** Reads a batch, writes it on a worker, then reads the next: the database never runs ahead of the file. */
    private Future<Void> copy(ReportStore.TicketCursor cursor, TicketSheet sheet, Job job) {
        return cursor.next().compose(batch -> {
            if (batch.isEmpty()) {
                return vertx.executeBlocking(() -> {
                    sheet.finish();
                    return null;
                });
            }
            return vertx.executeBlocking(() -> {
                sheet.rows(batch);
                return null;
            }).compose(written -> {
                job.rowsWritten += batch.size();
                return copy(cursor, sheet, job);
            });
        });
    }

    private Future<Void> summary(Job job) {
        ReportWords words = words(job);
        job.rowsTotal = 1;
        return reports.summary(job.request().query()).compose(summary -> vertx.executeBlocking(() -> {
            try (OutputStream out = Files.newOutputStream(job.file())) {
                ExportWriters.summary(job.request().format(), summary, job.request().query(), words, out);
            }
            job.rowsWritten = 1;
            return null;
        }));
    }

    private Future<Void> monthly(Job job) {
        ReportWords words = words(job);
        ReportQuery query = job.request().query();
        ReportQuery byService = new ReportQuery(query.from(), query.to(), query.siteId(), query.serviceId(),
                GroupBy.SERVICE);
        job.rowsTotal = 1;
        return reports.summary(query).compose(total -> reports.summary(byService)
                .compose(services -> vertx.executeBlocking(() -> {
                    try (OutputStream out = Files.newOutputStream(job.file())) {
                        ExportWriters.monthlyPdf(total, services, query, words, out);
                    }
                    job.rowsWritten = 1;
                    return null;
                })));
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", path, e.getMessage());
        }
    }
}
