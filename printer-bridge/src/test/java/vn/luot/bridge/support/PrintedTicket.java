package vn.luot.bridge.support;

import java.util.ArrayList;
import java.util.List;

/**
 * A ticket as the printer received it: its text runs with their magnification, its QR payloads, how
 * many raster images it held, and how it was cut.
 */
public record PrintedTicket(List<TextRun> texts, List<String> qrPayloads, int images, Integer codeTable, int cut) {

    public record TextRun(String text, int magnification) {
    }

    /** The text printed at the largest size: on a Lượt ticket, the number. */
    public String largestText() {
        TextRun largest = null;
        for (TextRun run : texts) {
            if (!run.text().isBlank() && (largest == null || run.magnification() > largest.magnification())) {
                largest = run;
            }
        }
        return largest == null ? null : largest.text().trim();
    }

    public int largestMagnification() {
        return texts.stream().mapToInt(TextRun::magnification).max().orElse(0);
    }

    public String allText() {
        StringBuilder all = new StringBuilder();
        texts.forEach(t -> all.append(t.text()).append('\n'));
        return all.toString();
    }

    static final class Builder {
        private final List<TextRun> texts = new ArrayList<>();
        private final List<String> qr = new ArrayList<>();
        private int images;
        private Integer codeTable;

        void text(String text, int magnification) {
            texts.add(new TextRun(text, magnification));
        }

        void qr(String payload) {
            qr.add(payload);
        }

        void image() {
            images++;
        }

        void codeTable(int table) {
            codeTable = table;
        }

        PrintedTicket cut(int mode) {
            return new PrintedTicket(List.copyOf(texts), List.copyOf(qr), images, codeTable, mode);
        }
    }
}
