package vn.luot.core.reports.export;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.report.Kpi;
import vn.luot.core.i18n.Messages;

/** The words of an export in its reader's language: figure names and definitions, columns, names, times. */
public final class ReportWords {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final Locale locale;
    private final Catalogue catalogue;

    public ReportWords(Locale locale, Catalogue catalogue) {
        this.locale = locale;
        this.catalogue = catalogue;
    }

    public String text(String key) {
        return Messages.report(key, locale);
    }

    public String label(Kpi kpi) {
        return text("label." + kpi.key());
    }

    public String definition(Kpi kpi) {
        return text(kpi.definitionKey());
    }

    public String site(String id) {
        return id == null ? "" : catalogue.findSite(id).map(s -> name(s.name())).orElse(id);
    }

    public String service(String id) {
        return id == null ? "" : catalogue.nameOf(vn.luot.core.domain.catalogue.CatalogueRef.service(id))
                .map(this::name).orElse(id);
    }

    public String centre() {
        return name(catalogue.centreName());
    }

    public ZoneId zone() {
        return catalogue.timeZone();
    }

    public LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, catalogue.timeZone());
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(local(instant));
    }

    public String name(LocalizedText text) {
        return Messages.VIETNAMESE.equals(locale) ? text.vi() : text.en();
    }

    public Locale locale() {
        return locale;
    }
}
