package vn.luot.bridge.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import vn.luot.bridge.render.TicketLayout.Line;
import vn.luot.bridge.render.TicketLayout.Size;

/**
 * Draws lines of text into a black-and-white picture as wide as the paper, centred and wrapped at word
 * boundaries. Printed as a raster image, Vietnamese comes out right on printers that have no Vietnamese
 * code page: the printer only sees dots.
 */
public final class TextRaster {
    private static final int LINE_GAP = 4;

    private TextRaster() {
    }

    static float pixels(Size size) {
        return switch (size) {
            case SMALL -> 21f;
            case NORMAL -> 26f;
            case LARGE -> 36f;
        };
    }

    public static BufferedImage render(List<Line> lines, int width) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D measure = probe.createGraphics();
        List<Line> wrapped = new ArrayList<>();
        int height = 0;
        for (Line line : lines) {
            Font font = Fonts.of(line.bold(), pixels(line.size()));
            FontMetrics metrics = measure.getFontMetrics(font);
            for (String part : wrap(Normalizer.normalize(line.text(), Normalizer.Form.NFC), metrics, width)) {
                wrapped.add(new Line(part, line.size(), line.bold()));
                height += metrics.getHeight() + LINE_GAP;
            }
        }
        measure.dispose();

        BufferedImage image = new BufferedImage(width, Math.max(height, 1), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        int y = 0;
        for (Line line : wrapped) {
            Font font = Fonts.of(line.bold(), pixels(line.size()));
            g.setFont(font);
            FontMetrics metrics = g.getFontMetrics();
            int x = Math.max(0, (width - metrics.stringWidth(line.text())) / 2);
            g.drawString(line.text(), x, y + metrics.getAscent());
            y += metrics.getHeight() + LINE_GAP;
        }
        g.dispose();
        return image;
    }

    /** Breaks a line at spaces so that each part fits the width; a single overlong word stays whole. */
    static List<String> wrap(String text, FontMetrics metrics, int width) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = current.length() == 0 ? word : current + " " + word;
            if (metrics.stringWidth(candidate) <= width || current.length() == 0) {
                current.setLength(0);
                current.append(candidate);
            } else {
                parts.add(current.toString());
                current.setLength(0);
                current.append(word);
            }
        }
        if (current.length() > 0 || parts.isEmpty()) {
            parts.add(current.toString());
        }
        return parts;
    }
}
