package vn.luot.bridge.printer;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A printer's device file (such as {@code /dev/usb/lp0}), or a plain file that tickets are appended
 * to for trying the bridge without a printer. Neither can report paper: a device that is unplugged
 * shows up as missing or failing writes, which counts as offline.
 */
final class FilePort implements PrinterPort {
    private final Path path;
    private final boolean plainFile;

    FilePort(Path path, boolean plainFile) {
        this.path = path;
        this.plainFile = plainFile;
    }

    @Override
    public Connection open() throws IOException {
        if (!plainFile && !Files.exists(path)) {
            throw new IOException("no printer device at " + path);
        }
        FileOutputStream out = new FileOutputStream(path.toFile(), plainFile);
        return new Connection() {
            @Override
            public PrinterCondition condition() {
                return PrinterCondition.ONLINE;
            }

            @Override
            public void send(byte[] bytes) throws IOException {
                out.write(bytes);
                out.flush();
            }

            @Override
            public PrinterCondition confirm() throws IOException {
                if (plainFile) {
                    out.getFD().sync();
                }
                return PrinterCondition.ONLINE;
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    @Override
    public String describe() {
        return (plainFile ? "file:" : "device:") + path;
    }
}
