package vn.luot.core.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What the server logs under one logger while a test runs. The server's threads append while the test
 * reads, so the test reads a copy taken under the appender's own lock (logback's {@code AppenderBase}
 * appends holding it); reading its list directly threw ConcurrentModificationException on a busy machine.
 */
public final class CapturedLogs implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLogs(String loggerName) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.start();
        logger.addAppender(appender);
    }

    /** Starts capturing what {@code loggerName} and the loggers below it log. */
    public static CapturedLogs of(String loggerName) {
        return new CapturedLogs(loggerName);
    }

    /** Everything logged so far, as a copy the test may read while the server goes on logging. */
    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /** Everything logged so far, each message with its arguments filled in. */
    public List<String> messages() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
