package vn.luot.core.printing;

import vn.luot.core.domain.printing.PrinterDefinition;
import vn.luot.core.domain.printing.PrinterState;
import vn.luot.core.store.PrintStore.PrinterRecord;

/**
 * A printer as the kiosk and the manager see it.
 *
 * @param state what it can do now: what its bridge reported, or offline when no live bridge serves it
 */
public record PrinterStatus(PrinterDefinition printer, PrinterState state, PrinterRecord record) {
}
