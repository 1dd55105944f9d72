package vn.luot.core.domain.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.luot.core.domain.report.Intervals.Span;

/**
 * A counter's day rebuilt from its history: when it was open (opened or resumed until paused or closed)
 * and by whom, and when a citizen was at it (called until completed, no-show, returned or transferred).
 * Feed it one counter's lines in time order; spans still open at the end run to {@code until}.
 */
public final class CounterTime {
    /** A time the counter was open, and the member of staff who opened it. */
    public record OpenSpan(int counterId, String siteId, String staff, Span span) {
    }

    private final int counterId;
    private final List<OpenSpan> open = new ArrayList<>();
    private final List<Span> busy = new ArrayList<>();
    private String siteId;
    private String staff;
    private Instant openSince;
    private Instant busySince;

    public CounterTime(int counterId) {
        this.counterId = counterId;
    }

    public int counterId() {
        return counterId;
    }

    public void apply(CounterEvent e) {
        siteId = e.siteId();
        switch (e.event()) {
            case "counter.opened" -> {
                closeOpen(e.at());
                staff = e.actor();
                openSince = e.at();
            }
            case "counter.resumed" -> {
                if (openSince == null) {
                    openSince = e.at();
                }
            }
            case "counter.paused", "counter.closed" -> closeOpen(e.at());
            case "ticket.called" -> {
                if (busySince == null) {
                    busySince = e.at();
                }
            }
            case "ticket.completed", "ticket.no_show", "ticket.returned", "ticket.transferred" -> closeBusy(e.at());
            default -> {
                // recalls and the start of service change nothing about open or busy time
            }
        }
    }

    /** Ends the spans still running at {@code until} (the end of the report's range, or now). */
    public void finish(Instant until) {
        if (openSince != null && until.isAfter(openSince)) {
            open.add(new OpenSpan(counterId, siteId, staff, new Span(openSince, until)));
        }
        openSince = null;
        if (busySince != null && until.isAfter(busySince)) {
            busy.add(new Span(busySince, until));
        }
        busySince = null;
    }

    public List<OpenSpan> openSpans() {
        return List.copyOf(open);
    }

    public Intervals busy() {
        return Intervals.of(busy);
    }

    public String siteId() {
        return siteId;
    }

    private void closeOpen(Instant at) {
        if (openSince != null) {
            open.add(new OpenSpan(counterId, siteId, staff, new Span(openSince, at)));
            openSince = null;
        }
    }

    private void closeBusy(Instant at) {
        if (busySince != null) {
            busy.add(new Span(busySince, at));
            busySince = null;
        }
    }
}
