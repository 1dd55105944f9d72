package vn.luot.bridge.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small, strict reader of the ESC/POS commands the bridge sends: it knows each command's length, so it
 * never mistakes image or QR data for commands, and it refuses any command it does not know (a test
 * then fails rather than guessing). Used on captured bytes, and live by {@link FakePrinter}.
 */
public final class EscPosReader {
    private static final int ESC = 0x1B;
    private static final int GS = 0x1D;
    private static final int DLE = 0x10;
    private static final int LF = 0x0A;

    /** One command: its kind, its parameter (if any), its data (text, QR payload, image rows). */
    public record Command(Kind kind, int parameter, byte[] data) {
    }

    public enum Kind {
        INITIALIZE, TEXT, LINE_FEED, STYLE, CHARACTER_SIZE, CODE_TABLE, JUSTIFY, FEED_LINES,
        QR_STORE, QR_SETTING, QR_PRINT, RASTER_IMAGE, CUT, STATUS_REQUEST
    }

    /** Thrown when the bytes end in the middle of a command. */
    public static final class Truncated extends IOException {
        private static final long serialVersionUID = 1L;

        Truncated() {
            super("the bytes end inside a command");
        }
    }

    private final InputStream in;

    public EscPosReader(InputStream in) {
        this.in = in;
    }

    /** Every complete command in the bytes; a command cut short at the end is dropped. */
    public static List<Command> readAll(byte[] bytes) {
        EscPosReader reader = new EscPosReader(new java.io.ByteArrayInputStream(bytes));
        List<Command> commands = new ArrayList<>();
        try {
            for (Command c = reader.next(); c != null; c = reader.next()) {
                commands.add(c);
            }
        } catch (IOException e) {
            // a truncated last command: what came before stands
        }
        return commands;
    }

    /** The next command, or null at the clean end of the bytes. */
    public Command next() throws IOException {
        int b = in.read();
        if (b < 0) {
            return null;
        }
        switch (b) {
            case ESC:
                return escape();
            case GS:
                return groupSeparator();
            case DLE:
                expect(0x04);
                return new Command(Kind.STATUS_REQUEST, read(), new byte[0]);
            case LF:
                return new Command(Kind.LINE_FEED, 0, new byte[0]);
            default:
                if (b < 0x20 && b != '\r' && b != '\t') {
                    throw new IllegalStateException(String.format("unknown control byte %02x", b));
                }
                return new Command(Kind.TEXT, 0, new byte[] {(byte) b});
        }
    }

    private Command escape() throws IOException {
        int c = read();
        return switch (c) {
            case '@' -> new Command(Kind.INITIALIZE, 0, new byte[0]);
            case 'M', 'E', '-', '!', 'G' -> new Command(Kind.STYLE, read(), new byte[] {(byte) c});
            case '2' -> new Command(Kind.STYLE, 0, new byte[] {(byte) c});
            case '3' -> new Command(Kind.STYLE, read(), new byte[] {(byte) c});
            case 'a' -> new Command(Kind.JUSTIFY, read(), new byte[0]);
            case 't' -> new Command(Kind.CODE_TABLE, read(), new byte[0]);
            case 'd' -> new Command(Kind.FEED_LINES, read(), new byte[0]);
            default -> throw new IllegalStateException(String.format("unknown command ESC %02x", c));
        };
    }

    private Command groupSeparator() throws IOException {
        int c = read();
        switch (c) {
            case '!':
                return new Command(Kind.CHARACTER_SIZE, read(), new byte[0]);
            case 'B':
                return new Command(Kind.STYLE, read(), new byte[] {(byte) c});
            case 'V': {
                int m = read();
                if (m == 65 || m == 66) {
                    read();
                }
                return new Command(Kind.CUT, m, new byte[0]);
            }
            case 'v': {
                expect('0');
                int mode = read();
                int widthBytes = read() | read() << 8;
                int height = read() | read() << 8;
                return new Command(Kind.RASTER_IMAGE, mode, readBytes(widthBytes * height));
            }
            case '(': {
                expect('k');
                int length = read() | read() << 8;
                byte[] body = readBytes(length);
                if (body.length < 2 || body[0] != 49) {
                    throw new IllegalStateException("GS ( k for a symbol other than QR");
                }
                int function = body[1];
                byte[] rest = java.util.Arrays.copyOfRange(body, 2, body.length);
                return switch (function) {
                    case 80 -> new Command(Kind.QR_STORE, rest[0], java.util.Arrays.copyOfRange(rest, 1, rest.length));
                    case 81 -> new Command(Kind.QR_PRINT, rest[0], new byte[0]);
                    default -> new Command(Kind.QR_SETTING, function, rest);
                };
            }
            default:
                throw new IllegalStateException(String.format("unknown command GS %02x", c));
        }
    }

    private void expect(int wanted) throws IOException {
        int b = read();
        if (b != wanted) {
            throw new IllegalStateException(String.format("expected %02x, got %02x", wanted, b));
        }
    }

    private int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new Truncated();
        }
        return b;
    }

    private byte[] readBytes(int count) throws IOException {
        byte[] data = in.readNBytes(count);
        if (data.length < count) {
            throw new Truncated();
        }
        return data;
    }

    /** Groups commands into the tickets they print: each ends with a cut; an unfinished one is left out. */
    public static List<PrintedTicket> tickets(List<Command> commands, Charset textCharset) {
        List<PrintedTicket> tickets = new ArrayList<>();
        PrintedTicket.Builder current = new PrintedTicket.Builder();
        int magnification = 1;
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Charset charset = textCharset == null ? StandardCharsets.US_ASCII : textCharset;
        for (Command c : commands) {
            if (c.kind() != Kind.TEXT && text.size() > 0) {
                current.text(new String(text.toByteArray(), charset), magnification);
                text.reset();
            }
            switch (c.kind()) {
                case TEXT -> text.write(c.data()[0]);
                case INITIALIZE -> magnification = 1;
                case CHARACTER_SIZE -> magnification = Math.max((c.parameter() >> 4) + 1, (c.parameter() & 0x0F) + 1);
                case CODE_TABLE -> current.codeTable(c.parameter());
                case QR_STORE -> current.qr(new String(c.data(), StandardCharsets.UTF_8));
                case RASTER_IMAGE -> current.image();
                case CUT -> {
                    tickets.add(current.cut(c.parameter()));
                    current = new PrintedTicket.Builder();
                }
                default -> {
                    // styles, justification, feeds and status requests print nothing to check
                }
            }
        }
        return tickets;
    }
}
