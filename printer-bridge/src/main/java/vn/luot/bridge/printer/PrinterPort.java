package vn.luot.bridge.printer;

import java.io.IOException;
import vn.luot.bridge.config.BridgeConfig;

/**
 * The way to the printer: a network port, a device file, or a plain file. Blocking: used on the
 * printer's own thread only, never on an event loop.
 */
public interface PrinterPort {

    static PrinterPort of(BridgeConfig.Printer printer) {
        return switch (printer.transport()) {
            case TCP -> new TcpPort(printer.host(), printer.port(), printer.connectTimeout(), printer.statusTimeout(),
                    printer.readStatus());
            case DEVICE -> new FilePort(printer.path(), false);
            case FILE -> new FilePort(printer.path(), true);
        };
    }

    /** Opens a connection for one ticket (or one status check). */
    Connection open() throws IOException;

    String describe();

    interface Connection extends AutoCloseable {
        /** The printer's state now; a transport that cannot ask reports {@link PrinterCondition#ONLINE}. */
        PrinterCondition condition() throws IOException;

        void send(byte[] bytes) throws IOException;

        /**
         * Returns once the printer is known to have every byte sent: it answered a status request sent
         * after them (which it can only do after reading them), or the operating system took them.
         */
        PrinterCondition confirm() throws IOException;

        @Override
        void close() throws IOException;
    }
}
