package vn.luot.bridge.render;

import com.github.anastaciocintra.escpos.EscPos;
import com.github.anastaciocintra.escpos.EscPosConst.Justification;
import com.github.anastaciocintra.escpos.Style;
import com.github.anastaciocintra.escpos.barcode.QRCode;
import com.github.anastaciocintra.escpos.image.BitonalThreshold;
import com.github.anastaciocintra.escpos.image.CoffeeImageImpl;
import com.github.anastaciocintra.escpos.image.EscPosImage;
import com.github.anastaciocintra.escpos.image.RasterBitImageWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import vn.luot.bridge.config.BridgeConfig.TextMode;
import vn.luot.bridge.render.TicketLayout.Block;
import vn.luot.bridge.render.TicketLayout.Line;

/**
 * A ticket as the ESC/POS bytes an 80 mm thermal printer understands, written with escpos-coffee:
 * text as a raster image (or, in CP1258 mode, as characters), the number as plain ASCII characters in
 * the largest size that fits (letters and digits need no code page), the QR code with the printer's own
 * QR command (GS ( k), and a partial cut (GS V).
 */
public final class EscPosTicket {
    /** Font A is 12 dots wide; the widest magnification ESC/POS offers is 8. */
    private static final int FONT_A_WIDTH = 12;
    private static final int QR_MODULE_DOTS = 6;

    private final TextMode mode;
    private final int codePage;
    private final int paperWidthDots;

    public EscPosTicket(TextMode mode, int codePage, int paperWidthDots) {
        this.mode = mode;
        this.codePage = codePage;
        this.paperWidthDots = paperWidthDots;
    }

    public byte[] bytes(List<Block> blocks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try (EscPos escpos = new EscPos(out)) {
            escpos.initializePrinter();
            if (mode == TextMode.CP1258) {
                escpos.setPrinterCharacterTable(codePage);
            }
            for (Block block : blocks) {
                if (block instanceof TicketLayout.Text text) {
                    text(escpos, out, text.lines());
                } else if (block instanceof TicketLayout.Number number) {
                    escpos.writeLF(numberStyle(number.number()), number.number());
                } else if (block instanceof TicketLayout.Qr qr) {
                    escpos.write(new QRCode().setSize(QR_MODULE_DOTS).setJustification(Justification.Center)
                            .setErrorCorrectionLevel(QRCode.QRErrorCorrectionLevel.QR_ECLEVEL_M_Default), qr.payload());
                    escpos.feed(1);
                } else if (block instanceof TicketLayout.Cut) {
                    escpos.feed(4);
                    escpos.cut(EscPos.CutMode.PART);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** How many times the number's characters are magnified: as large as fits the paper, at most 8. */
    public int numberMagnification(String number) {
        return Math.max(1, Math.min(8, paperWidthDots / (FONT_A_WIDTH * Math.max(1, number.length()))));
    }

    private Style numberStyle(String number) {
        Style.FontSize size = Style.FontSize.values()[numberMagnification(number) - 1];
        return new Style().setFontSize(size, size).setBold(true).setJustification(Justification.Center);
    }

    private void text(EscPos escpos, ByteArrayOutputStream out, List<Line> lines) throws IOException {
        if (mode == TextMode.RASTER) {
            escpos.write(new RasterBitImageWrapper().setJustification(Justification.Center),
                    new EscPosImage(new CoffeeImageImpl(TextRaster.render(lines, paperWidthDots)),
                            new BitonalThreshold(127)));
            return;
        }
        for (Line line : lines) {
            Style style = new Style().setJustification(Justification.Center).setBold(line.bold());
            if (line.size() == TicketLayout.Size.LARGE) {
                style.setFontSize(Style.FontSize._2, Style.FontSize._2);
            }
            escpos.flush();
            out.write(style.getConfigBytes());
            out.write(Cp1258Text.encode(line.text()));
            out.write('\n');
        }
    }
}
