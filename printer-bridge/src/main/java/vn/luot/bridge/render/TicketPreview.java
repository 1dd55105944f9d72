package vn.luot.bridge.render;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.luot.bridge.render.TicketLayout.Block;

/**
 * Draws a ticket as a picture of the paper, for a person to check the layout without a printer
 * ({@code --preview ticket.png}). Text is the same raster the printer gets; the number is drawn at the
 * printed size; the QR code is drawn with ZXing at the printer's module size (the printer draws its own).
 */
public final class TicketPreview {
    private static final int MARGIN = 16;
    private static final int QR_MODULE_DOTS = 6;

    private TicketPreview() {
    }

    public static BufferedImage render(List<Block> blocks, int paperWidthDots, int numberMagnification) {
        List<BufferedImage> parts = new ArrayList<>();
        for (Block block : blocks) {
            if (block instanceof TicketLayout.Text text) {
                parts.add(TextRaster.render(text.lines(), paperWidthDots));
            } else if (block instanceof TicketLayout.Number number) {
                parts.add(number(number.number(), paperWidthDots, numberMagnification));
            } else if (block instanceof TicketLayout.Qr qr) {
                parts.add(qr(qr.payload(), paperWidthDots));
            } else if (block instanceof TicketLayout.Cut) {
                parts.add(cut(paperWidthDots));
            }
        }
        int height = MARGIN;
        for (BufferedImage part : parts) {
            height += part.getHeight() + 8;
        }
        BufferedImage paper = new BufferedImage(paperWidthDots + 2 * MARGIN, height + MARGIN, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = paper.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, paper.getWidth(), paper.getHeight());
        int y = MARGIN;
        for (BufferedImage part : parts) {
            g.drawImage(part, MARGIN, y, null);
            y += part.getHeight() + 8;
        }
        g.dispose();
        return paper;
    }

    /** Font A at magnification m is 12m dots wide and 24m dots high per character. */
    private static BufferedImage number(String number, int width, int magnification) {
        int height = 24 * magnification;
        BufferedImage image = blank(width, height);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Font font = Fonts.of(true, height * 0.95f);
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(number, (width - metrics.stringWidth(number)) / 2, metrics.getAscent() - metrics.getDescent() / 2);
        g.dispose();
        return image;
    }

    private static BufferedImage qr(String payload, int width) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot draw a QR code for " + payload, e);
        }
        int side = matrix.getWidth() * QR_MODULE_DOTS;
        BufferedImage image = blank(width, side);
        int left = (width - side) / 2;
        for (int x = 0; x < matrix.getWidth(); x++) {
            for (int y = 0; y < matrix.getHeight(); y++) {
                if (matrix.get(x, y)) {
                    for (int dx = 0; dx < QR_MODULE_DOTS; dx++) {
                        for (int dy = 0; dy < QR_MODULE_DOTS; dy++) {
                            image.setRGB(left + x * QR_MODULE_DOTS + dx, y * QR_MODULE_DOTS + dy, 0);
                        }
                    }
                }
            }
        }
        return image;
    }

    private static BufferedImage cut(int width) {
        BufferedImage image = blank(width, 24);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {10, 8}, 0));
        g.drawLine(0, 20, width, 20);
        g.dispose();
        return image;
    }

    private static BufferedImage blank(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }
}
