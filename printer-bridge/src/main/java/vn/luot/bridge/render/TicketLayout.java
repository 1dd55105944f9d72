package vn.luot.bridge.render;

import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What a ticket shows, top to bottom, as blocks that a printer mode or the preview then draws:
 * the centre and site, the words "ticket number", the number in the largest size, the service, the
 * priority group, the date and time, people ahead and estimated wait, a QR code with the tracking link,
 * and a cut. Vietnamese first; English second, smaller. The words come from {@code i18n/ticket_*.properties}.
 */
public final class TicketLayout {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** How large a line of text prints. */
    public enum Size {
        SMALL, NORMAL, LARGE
    }

    public record Line(String text, Size size, boolean bold) {
    }

    /** A part of the ticket. */
    public sealed interface Block permits Text, Number, Qr, Cut {
    }

    /** Lines of text, centred. */
    public record Text(List<Line> lines) implements Block {
    }

    /** The ticket number, in the largest size that fits the paper. */
    public record Number(String number) implements Block {
    }

    public record Qr(String payload) implements Block {
    }

    public record Cut() implements Block {
    }

    private TicketLayout() {
    }

    /** @param reprint true when an earlier attempt may already have printed this ticket */
    public static List<Block> of(TicketContent t, boolean reprint) {
        ResourceBundle vi = ResourceBundle.getBundle("i18n.ticket", Locale.forLanguageTag("vi"), noFallback());
        ResourceBundle en = ResourceBundle.getBundle("i18n.ticket", Locale.ENGLISH, noFallback());
        List<Block> blocks = new ArrayList<>();

        List<Line> header = new ArrayList<>();
        header.add(new Line(t.centreVi(), Size.NORMAL, true));
        if (!t.siteVi().equals(t.centreVi())) {
            header.add(new Line(t.siteVi(), Size.NORMAL, false));
        }
        header.add(new Line(t.siteEn(), Size.SMALL, false));
        header.add(new Line(vi.getString("ticketNumber"), Size.NORMAL, true));
        header.add(new Line(en.getString("ticketNumber"), Size.SMALL, false));
        blocks.add(new Text(header));

        blocks.add(new Number(t.number()));

        List<Line> body = new ArrayList<>();
        body.add(new Line(t.serviceVi(), Size.LARGE, true));
        body.add(new Line(t.serviceEn(), Size.SMALL, false));
        if (t.priorityVi() != null) {
            body.add(new Line(format(vi, "priority", t.priorityVi()), Size.NORMAL, true));
            body.add(new Line(format(en, "priority", t.priorityEn()), Size.SMALL, false));
        }
        String date = DATE.format(t.issuedAt());
        String time = TIME.format(t.issuedAt());
        body.add(new Line(format(vi, "issuedAt", date, time), Size.NORMAL, false));
        if (t.position() != null) {
            body.add(new Line(format(vi, "peopleAhead", t.position()), Size.NORMAL, false));
            body.add(new Line(format(en, "peopleAhead", t.position()), Size.SMALL, false));
        }
        if (t.notBeforeClosing()) {
            body.add(new Line(vi.getString("notBeforeClosing"), Size.NORMAL, true));
            body.add(new Line(en.getString("notBeforeClosing"), Size.SMALL, false));
        } else if (t.estimatedWaitMinutes() != null) {
            body.add(new Line(format(vi, "estimatedWait", t.estimatedWaitMinutes()), Size.NORMAL, false));
            body.add(new Line(format(en, "estimatedWait", t.estimatedWaitMinutes()), Size.SMALL, false));
        } else {
            body.add(new Line(vi.getString("estimatedWaitUnknown"), Size.NORMAL, false));
            body.add(new Line(en.getString("estimatedWaitUnknown"), Size.SMALL, false));
        }
        if (reprint) {
            body.add(new Line(vi.getString("reprint") + " · " + en.getString("reprint"), Size.NORMAL, true));
        }
        blocks.add(new Text(body));

        blocks.add(new Qr(t.trackingUrl()));
        blocks.add(new Text(List.of(new Line(vi.getString("scanToFollow"), Size.SMALL, false),
                new Line(en.getString("scanToFollow"), Size.SMALL, false))));
        blocks.add(new Cut());
        return blocks;
    }

    private static String format(ResourceBundle bundle, String key, Object... values) {
        return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(values);
    }

    private static ResourceBundle.Control noFallback() {
        return ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    }
}
