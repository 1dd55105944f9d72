package vn.luot.bridge;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.luot.bridge.config.BridgeConfig;
import vn.luot.bridge.journal.JobJournal;
import vn.luot.bridge.journal.JobState;
import vn.luot.bridge.journal.JournalEntry;
import vn.luot.bridge.printer.PrinterCondition;
import vn.luot.bridge.printer.PrinterPort;
import vn.luot.bridge.render.EscPosTicket;
import vn.luot.bridge.render.TicketContent;
import vn.luot.bridge.render.TicketLayout;

/**
 * Prints the journal's jobs one at a time, in the order they arrived, on a thread of its own (printer
 * I/O blocks). The queue itself lives on the bridge's event loop.
 *
 * <p>For each job: ask the printer's state; if it cannot print (unreachable, offline, out of paper),
 * report that and try again after a backoff, keeping the job first in line. Otherwise record
 * {@link JobState#PRINTING}, send the bytes, wait until the printer confirms it has them, record
 * {@link JobState#PRINTED}, and only then report it printed to the core.
 *
 * <p>A crash between sending and recording printed leaves the job in {@code PRINTING}. It is printed
 * again after the restart, marked as a reprint: a ticket that may be missing is worse than a second copy
 * of the same number, which serves nobody twice.
 */
final class PrintLoop {
    private static final Logger LOG = LoggerFactory.getLogger(PrintLoop.class);

    /** What one attempt came to. */
    private record Attempt(JournalEntry done, PrinterCondition condition) {
    }

    private final Vertx vertx;
    private final WorkerExecutor printerThread;
    private final JobJournal journal;
    private final PrinterPort port;
    private final EscPosTicket escpos;
    private final BridgeConfig.Retry retry;
    private final Consumer<JsonObject> report;
    private final Deque<String> queue = new ArrayDeque<>();
    private Duration backoff;
    private boolean busy;
    private boolean waiting;
    private boolean stopped;
    /** Completed when the printer thread is idle again, for a stop that lets the current ticket finish. */
    private Promise<Void> idle;
    private LocalDate serviceDay;
    private PrinterCondition lastCondition;

    PrintLoop(Vertx vertx, JobJournal journal, PrinterPort port, EscPosTicket escpos, BridgeConfig.Retry retry,
              Consumer<JsonObject> report) {
        this.vertx = vertx;
        this.printerThread = vertx.createSharedWorkerExecutor("luot-printer-" + System.identityHashCode(this), 1);
        this.journal = journal;
        this.port = port;
        this.escpos = escpos;
        this.retry = retry;
        this.report = report;
        this.backoff = retry.initial();
    }

    /** On the event loop: a job that is on disk and not yet printed. */
    void enqueue(String jobId) {
        if (!queue.contains(jobId)) {
            queue.addLast(jobId);
        }
        next();
    }

    /** The core's current service day: jobs of earlier days are not printed any more. */
    void serviceDay(LocalDate day) {
        serviceDay = day;
    }

    /** The printer's state, reported to the core; also the bridge's sign of life. */
    PrinterCondition lastCondition() {
        return lastCondition;
    }

    /** Reads the printer's state when no ticket is on its way, and reports it. */
    void checkWhenIdle() {
        if (busy || waiting || stopped || !queue.isEmpty()) {
            if (lastCondition != null) {
                report(lastCondition);
            }
            return;
        }
        busy = true;
        printerThread.executeBlocking(this::readCondition, false).onComplete(done -> {
            becomeIdle();
            report(done.succeeded() ? done.result() : PrinterCondition.OFFLINE);
            next();
        });
    }

    /** Stops taking work; the ticket on its way to the printer is finished (and journaled) first. */
    Future<Void> stop() {
        stopped = true;
        if (!busy) {
            return printerThread.close();
        }
        idle = Promise.promise();
        return idle.future().compose(done -> printerThread.close());
    }

    private void becomeIdle() {
        busy = false;
        if (idle != null) {
            idle.tryComplete();
        }
    }

    private void next() {
        if (busy || waiting || stopped || queue.isEmpty()) {
            return;
        }
        busy = true;
        String jobId = queue.peekFirst();
        LocalDate day = serviceDay;
        printerThread.executeBlocking(() -> attempt(jobId, day), false).onComplete(result -> {
            becomeIdle();
            if (stopped) {
                return;
            }
            if (result.failed()) {
                LOG.error("Job {}: unexpected failure; will try again", jobId, result.cause());
                retryLater();
                return;
            }
            Attempt attempt = result.result();
            if (attempt.condition() != null) {
                report(attempt.condition());
            }
            if (attempt.done() == null) {
                retryLater();
                return;
            }
            queue.pollFirst();
            backoff = retry.initial();
            JournalEntry entry = attempt.done();
            report.accept(new JsonObject().put("type", entry.state().wireName()).put("jobId", entry.jobId())
                    .put("reason", entry.reason()));
            next();
        });
    }

    private void retryLater() {
        waiting = true;
        long delay = backoff.toMillis();
        backoff = backoff.multipliedBy(2).compareTo(retry.max()) > 0 ? retry.max() : backoff.multipliedBy(2);
        vertx.setTimer(delay, id -> {
            waiting = false;
            next();
        });
    }

    /** On the printer's thread. */
    private Attempt attempt(String jobId, LocalDate day) {
        JournalEntry entry = journal.get(jobId).orElseThrow();
        if (entry.state().finished()) {
            return new Attempt(entry, lastCondition == null ? PrinterCondition.ONLINE : lastCondition);
        }
        TicketContent content;
        try {
            content = TicketContent.of(entry.job());
        } catch (IllegalArgumentException e) {
            LOG.error("Job {} cannot be printed: {}", jobId, e.getMessage());
            return new Attempt(journal.update(jobId, JobState.FAILED, entry.attempts(), "unprintable"), lastCondition);
        }
        if (day != null && content.serviceDay().isBefore(day)) {
            LOG.warn("Job {} ({}) is from {}, an earlier day: not printed", jobId, content.number(), content.serviceDay());
            return new Attempt(journal.update(jobId, JobState.FAILED, entry.attempts(), "expired"), lastCondition);
        }
        byte[] bytes = escpos.bytes(TicketLayout.of(content, entry.attempts() > 0));
        try (PrinterPort.Connection printer = port.open()) {
            PrinterCondition before = printer.condition();
            if (!before.prints()) {
                return new Attempt(null, before);
            }
            journal.update(jobId, JobState.PRINTING, entry.attempts() + 1, null);
            printer.send(bytes);
            PrinterCondition after = printer.confirm();
            CrashPoint.at(CrashPoint.TICKET_SENT);
            JournalEntry printed = journal.update(jobId, JobState.PRINTED, entry.attempts() + 1, null);
            LOG.info("Printed {} (job {})", content.number(), jobId);
            return new Attempt(printed, after);
        } catch (IOException e) {
            LOG.warn("Printer {} unreachable for {} (job {}): {}", port.describe(), content.number(), jobId,
                    e.getMessage());
            return new Attempt(null, PrinterCondition.OFFLINE);
        }
    }

    private PrinterCondition readCondition() {
        try (PrinterPort.Connection printer = port.open()) {
            return printer.condition();
        } catch (IOException e) {
            return PrinterCondition.OFFLINE;
        }
    }

    private void report(PrinterCondition condition) {
        if (condition != lastCondition) {
            LOG.info("Printer {} is {}", port.describe(), condition.wireName());
        }
        lastCondition = condition;
        report.accept(new JsonObject().put("type", "status").put("state", condition.wireName()));
    }
}
