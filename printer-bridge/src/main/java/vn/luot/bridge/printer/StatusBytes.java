package vn.luot.bridge.printer;

/**
 * Reads the printer's answers to the real-time status requests DLE EOT 1 (printer status) and
 * DLE EOT 4 (paper roll sensor), as the ESC/POS reference defines them. Every answer has bit 1 and
 * bit 4 set and bits 0 and 7 clear; anything else is not a status byte.
 */
public final class StatusBytes {
    /** DLE EOT 1, then DLE EOT 4: the bridge sends both and reads two bytes back. */
    public static final byte[] REQUEST = {0x10, 0x04, 0x01, 0x10, 0x04, 0x04};

    private static final int FIXED_MASK = 0x93;
    private static final int FIXED_BITS = 0x12;
    private static final int OFFLINE = 0x08;
    private static final int NEAR_END = 0x0C;
    private static final int PAPER_OUT = 0x60;

    private StatusBytes() {
    }

    public static boolean isStatusByte(int b) {
        return (b & FIXED_MASK) == FIXED_BITS;
    }

    /**
     * @param printerStatus the answer to DLE EOT 1
     * @param paperStatus   the answer to DLE EOT 4
     */
    public static PrinterCondition condition(int printerStatus, int paperStatus) {
        if (!isStatusByte(printerStatus) || !isStatusByte(paperStatus)) {
            throw new IllegalArgumentException(String.format("not status bytes: %02x %02x", printerStatus, paperStatus));
        }
        if ((paperStatus & PAPER_OUT) != 0) {
            return PrinterCondition.PAPER_OUT;
        }
        if ((printerStatus & OFFLINE) != 0) {
            return PrinterCondition.OFFLINE;
        }
        if ((paperStatus & NEAR_END) != 0) {
            return PrinterCondition.PAPER_NEAR_END;
        }
        return PrinterCondition.ONLINE;
    }
}
