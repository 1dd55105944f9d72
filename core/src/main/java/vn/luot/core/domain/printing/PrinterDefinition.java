package vn.luot.core.domain.printing;

import java.util.Objects;
import vn.luot.core.domain.catalogue.LocalizedText;

/**
 * A ticket printer, as configured: a kiosk in a hall, or the guidance desk's printer.
 *
 * @param siteId the site whose hall it stands in
 */
public record PrinterDefinition(String id, String siteId, LocalizedText name) {
    public PrinterDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(name, "name");
    }
}
