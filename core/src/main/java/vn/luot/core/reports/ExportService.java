package vn.luot.core.reports;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.streams.WriteStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
import vn.luot.core.store.Command;
import vn.luot.core.store.ExportStore;
import vn.luot.core.store.ExportStore.ExportJob;
import vn.luot.core.store.ReportStore;

/**
 * Exports run as jobs: the manager's page starts one, follows its progress (rows written of rows to
 * write) and downloads the file when it is done. The job and, once written, its file live in PostgreSQL
 * ({@link ExportStore}), so any node can answer the page, which may reach another node at each request.
 *
 * <p>The node that accepted the export writes it: tickets stream from the reports' own pool a batch at a
 * time, each batch written on a worker before the next is read, into a temporary file, which then goes
 * into the database in parts. The heap holds one batch or one part, whatever the range. Progress is
 * stored after every batch and at least every {@link #TOUCH_EVERY}, so an export whose node died reads as
 * failed a minute later instead of running for ever. Exports are kept for an hour.
 */
public final class ExportService {
    private static final Logger LOG = LoggerFactory.getLogger(ExportService.class);
    private static final Duration KEPT = Duration.ofHours(1);
    /** Well inside {@link ExportStore#ABANDONED_AFTER}, so a slow step of a live node is never taken for a dead node. */
    static final Duration TOUCH_EVERY = Duration.ofSeconds(10);
    /** The size of the file's parts in the database: small enough to hold one, large enough to be few. */
    static final int PART_BYTES = 256 * 1024;

    /**
     * What to export, and the request it came in, so that a retry with the same idempotency key gets the
     * same export.
     */
    public record ExportRequest(ExportKind kind, ExportFormat format, ReportQuery query, Locale locale,
                                Command command) {
    }

    /** How far an export of this node has got; written by its steps, read by the timer that keeps it touched. */
    private static final class Progress {
        private volatile long rowsTotal;
        private volatile long rowsWritten;
    }

    private final Vertx vertx;
    private final ReportStore reportStore;
    private final ExportStore exports;
    private final ReportService reports;
    private final Catalogue catalogue;
    private final Clock clock;
    /** This node's own exports while it writes them, so that stopping can mark them failed at once. */
    private final Map<UUID, Long> writing = new ConcurrentHashMap<>();
    private final Path directory;

    public ExportService(Vertx vertx, ReportStore reportStore, ExportStore exports, ReportService reports,
                         Catalogue catalogue, Clock clock) {
        this.vertx = vertx;
        this.reportStore = reportStore;
        this.exports = exports;
        this.reports = reports;
        this.catalogue = catalogue;
        this.clock = clock;
        try {
            this.directory = Files.createTempDirectory("luot-exports");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary directory for exports", e);
        }
    }

    /**
     * Records the export and answers with it at once; the file is written in the background. A retry of
     * an earlier start (same idempotency key, same request) gets that export back and starts nothing.
     */
    public Future<ExportJob> start(ExportRequest request) {
        var now = clock.instant();
        var export = new ExportStore.NewExport(UUID.randomUUID(), request.kind().wireName(),
                request.format().wireName(), fileName(request), request.command().idempotencyKey(),
                request.command().fingerprint(), now, now.plus(KEPT));
        return exports.forgetExpired(now)
                .compose(forgotten -> exports.create(export))
                .map(created -> {
                    if (created.isNew()) {
                        write(created.job().id(), request);
                    }
                    return created.job();
                });
    }

    /** The export as any node sees it; empty when unknown or expired. */
    public Future<Optional<ExportJob>> job(UUID id) {
        return exports.find(id, clock.instant());
    }

    /** Writes a finished export's file to {@code out}, a part at a time, each part read once the previous one is written. */
    public Future<Void> copyFile(UUID id, WriteStream<Buffer> out) {
        return copyParts(id, 0, out);
    }

    /** The server stops: the exports this node was writing are marked failed (nobody will finish them). */
    public Future<Void> close() {
        Future<Void> failed = Future.succeededFuture();
        for (Map.Entry<UUID, Long> export : writing.entrySet()) {
            vertx.cancelTimer(export.getValue());
            failed = failed.compose(done -> exports.fail(export.getKey()).recover(e -> Future.succeededFuture()));
        }
        writing.clear();
        return failed.onComplete(done -> deleteDirectory());
    }

    /** The files of exports cut short by the stop go with the folder. */
    private void deleteDirectory() {
        try (var files = Files.list(directory)) {
            files.forEach(ExportService::delete);
        } catch (IOException e) {
            LOG.debug("Could not list {}: {}", directory, e.getMessage());
        }
        delete(directory);
    }

    private void write(UUID id, ExportRequest request) {
        Path file = directory.resolve(id + "." + request.format().extension());
        Progress progress = new Progress();
        writing.put(id, vertx.setPeriodic(TOUCH_EVERY.toMillis(), t -> touch(id, progress)));
        Future<Void> written = switch (request.kind()) {
            case TICKETS -> tickets(id, request, file, progress);
            // A summary is one piece of work, counted as one row: done, it reads 1 of 1 as a ticket export reads all its rows.
            case SUMMARY -> wholeFile(progress, summary(request, file));
            case MONTHLY -> wholeFile(progress, monthly(request, file));
        };
        written.compose(done -> storeFile(id, file))
                .compose(bytes -> exports.finish(id, progress.rowsWritten, bytes, clock.instant()))
                .recover(e -> {
                    LOG.warn("Export {} ({} {}) failed", id, request.kind().wireName(), request.format().wireName(), e);
                    return exports.fail(id);
                })
                .onComplete(ended -> {
                    Long timer = writing.remove(id);
                    if (timer != null) {
                        vertx.cancelTimer(timer);
                    }
                    delete(file);
                });
    }

    private static Future<Void> wholeFile(Progress progress, Future<Void> written) {
        progress.rowsTotal = 1;
        return written.onSuccess(done -> progress.rowsWritten = 1);
    }

    private void touch(UUID id, Progress progress) {
        exports.progress(id, progress.rowsWritten, progress.rowsTotal, clock.instant())
                .onFailure(e -> LOG.debug("Export {}: progress not stored ({})", id, e.getMessage()));
    }

    private ReportWords words(ExportRequest request) {
        return new ReportWords(request.locale(), catalogue);
    }

    private Future<Void> tickets(UUID id, ExportRequest request, Path file, Progress progress) {
        ReportQuery query = request.query();
        ReportWords words = words(request);
        return reportStore.countTickets(query).compose(total -> {
            progress.rowsTotal = total;
            return vertx.executeBlocking(() -> ExportWriters.ticketSheet(request.format(),
                            Files.newOutputStream(file), words))
                    .compose(sheet -> reportStore.openTickets(query, catalogue.timeZone())
                            .compose(cursor -> copyRows(id, cursor, sheet, progress).eventually(cursor::close))
                            .eventually(() -> vertx.executeBlocking(() -> {
                                sheet.close();
                                return null;
                            })));
        });
    }

    /** Reads a batch, writes it on a worker, then reads the next: the database never runs ahead of the file. */
    private Future<Void> copyRows(UUID id, ReportStore.TicketCursor cursor, TicketSheet sheet, Progress progress) {
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
                progress.rowsWritten += batch.size();
                return exports.progress(id, progress.rowsWritten, progress.rowsTotal, clock.instant());
            }).compose(stored -> copyRows(id, cursor, sheet, progress));
        });
    }

    private Future<Void> summary(ExportRequest request, Path file) {
        ReportWords words = words(request);
        return reports.summary(request.query()).compose(summary -> vertx.executeBlocking(() -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                ExportWriters.summary(request.format(), summary, request.query(), words, out);
            }
            return null;
        }));
    }

    private Future<Void> monthly(ExportRequest request, Path file) {
        ReportWords words = words(request);
        ReportQuery query = request.query();
        ReportQuery byService = new ReportQuery(query.from(), query.to(), query.siteId(), query.serviceId(),
                GroupBy.SERVICE);
        return reports.summary(query).compose(total -> reports.summary(byService)
                .compose(services -> vertx.executeBlocking(() -> {
                    try (OutputStream out = Files.newOutputStream(file)) {
                        ExportWriters.monthlyPdf(total, services, query, words, out);
                    }
                    return null;
                })));
    }

    /** Moves the written file into the database, part by part; answers its length. */
    private Future<Long> storeFile(UUID id, Path file) {
        return vertx.fileSystem().open(file.toString(), new OpenOptions().setRead(true).setWrite(false))
                .compose(opened -> storeParts(id, opened, 0, 0).eventually(opened::close));
    }

    private Future<Long> storeParts(UUID id, AsyncFile file, int part, long stored) {
        return file.read(Buffer.buffer(PART_BYTES), 0, stored, PART_BYTES).compose(bytes -> bytes.length() == 0
                ? Future.succeededFuture(stored)
                : exports.addPart(id, part, bytes).compose(added -> storeParts(id, file, part + 1, stored + bytes.length())));
    }

    private Future<Void> copyParts(UUID id, int part, WriteStream<Buffer> out) {
        return exports.part(id, part).compose(bytes -> bytes.isEmpty() ? Future.<Void>succeededFuture()
                : out.write(bytes.get()).compose(written -> copyParts(id, part + 1, out)));
    }

    private static String fileName(ExportRequest request) {
        ReportQuery q = request.query();
        return "luot-" + request.kind().wireName() + "-" + q.from() + "-" + q.to() + "." + request.format().extension();
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", path, e.getMessage());
        }
    }
}
