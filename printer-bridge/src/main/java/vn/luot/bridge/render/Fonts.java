package vn.luot.bridge.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * DejaVu Sans, shipped inside the bridge (free licence, see fonts/DejaVu-LICENSE.txt), so that every
 * Vietnamese letter draws the same on any PC, whatever fonts it has installed.
 */
final class Fonts {
    private static final Font REGULAR = load("/fonts/DejaVuSans.ttf");
    private static final Font BOLD = load("/fonts/DejaVuSans-Bold.ttf");

    private Fonts() {
    }

    static Font of(boolean bold, float pixels) {
        return (bold ? BOLD : REGULAR).deriveFont(pixels);
    }

    private static Font load(String resource) {
        try (InputStream in = Fonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing font " + resource);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bad font " + resource, e);
        }
    }
}
