package vn.luot.bridge.render;

import java.io.ByteArrayOutputStream;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;

/**
 * Vietnamese text in Windows code page 1258, for printers that have it. CP1258 holds the letters with
 * circumflex, breve and horn (â ê ô ă ơ ư đ) but writes most tone marks as a separate combining mark
 * after the letter: "ố" is "ô" followed by the combining acute accent. Java's encoder does not split
 * letters itself, so a letter that CP1258 lacks as one character is split here; anything CP1258 cannot
 * hold at all prints as '?'.
 */
public final class Cp1258Text {
    private static final Charset CP1258 = Charset.forName("windows-1258");
    private static final String SHAPE_MARKS = "\u0302\u0306\u031B"; // circumflex, breve, horn

    private Cp1258Text() {
    }

    public static byte[] encode(String text) {
        CharsetEncoder encoder = CP1258.newEncoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        for (int i = 0; i < composed.length(); ) {
            int codePoint = composed.codePointAt(i);
            String letter = new String(Character.toChars(codePoint));
            i += letter.length();
            if (encoder.canEncode(letter)) {
                write(encoder, letter, out);
            } else {
                String split = splitToneMark(letter);
                write(encoder, encoder.canEncode(split) ? split : "?", out);
            }
        }
        return out.toByteArray();
    }

    /** "ố" → "ô" + U+0301: the letter keeps its shape mark, the tone mark follows it. */
    static String splitToneMark(String letter) {
        String decomposed = Normalizer.normalize(letter, Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder();
        StringBuilder tones = new StringBuilder();
        for (char c : decomposed.toCharArray()) {
            if (Character.getType(c) == Character.NON_SPACING_MARK && SHAPE_MARKS.indexOf(c) < 0) {
                tones.append(c);
            } else {
                base.append(c);
            }
        }
        return Normalizer.normalize(base, Normalizer.Form.NFC) + tones;
    }

    private static void write(CharsetEncoder encoder, String text, ByteArrayOutputStream out) {
        try {
            var bytes = encoder.reset().encode(CharBuffer.wrap(text));
            out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        } catch (CharacterCodingException e) {
            out.write('?');
        }
    }
}
