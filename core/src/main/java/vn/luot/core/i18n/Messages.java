package vn.luot.core.i18n;

import java.text.MessageFormat;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import vn.luot.core.domain.Wording;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.Problem;

/**
 * The words of error messages, from the bundles {@code i18n/errors_vi.properties} and
 * {@code i18n/errors_en.properties}. No user-visible sentence lives in code. Arguments that are
 * {@link Wording}s (states, roles, field rules) are said in the bundle's words, and names
 * ({@link LocalizedText}) in the reader's language.
 */
public final class Messages {
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final String BUNDLE = "i18n.errors";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private Messages() {
    }

    public static String problem(Problem problem, Locale locale, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(problem.code());
        } catch (MissingResourceException e) {
            pattern = problem.code();
        }
        Object[] words = arguments.clone();
        for (int i = 0; i < words.length; i++) {
            if (words[i] instanceof Wording wording) {
                words[i] = text(bundle, wording.messageKey());
            } else if (words[i] instanceof LocalDateTime moment) {
                words[i] = MOMENT.format(moment);
            } else if (words[i] instanceof LocalTime time) {
                words[i] = TIME.format(time);
            } else if (words[i] instanceof LocalizedText name) {
                words[i] = VIETNAMESE.equals(locale) ? name.vi() : name.en();
            } else if (words[i] != null && !(words[i] instanceof String)) {
                words[i] = words[i].toString();
            }
        }
        return new MessageFormat(pattern, locale).format(words);
    }

    private static String text(ResourceBundle bundle, String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /**
     * Vietnamese when the client prefers it to English, English otherwise (the API's readers are mostly
     * developers).
     *
     * @param languageTags the client's languages, most wanted first (over HTTP: the router's
     *                     {@code acceptableLanguages()}, weighed and sorted, see {@code http/Languages})
     */
    public static Locale pick(List<String> languageTags) {
        for (String languageTag : languageTags) {
            String tag = languageTag.toLowerCase(Locale.ROOT);
            if (tag.equals("vi") || tag.startsWith("vi-")) {
                return VIETNAMESE;
            }
            if (tag.equals("en") || tag.startsWith("en-")) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    /**
     * The languages of a raw {@code Accept-Language} header, most wanted first, for the few answers given
     * before the router has parsed the request (a path it cannot decode); none when it is missing or malformed.
     */
    public static List<String> languages(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream()
                    .filter(range -> range.getWeight() > 0)
                    .map(Locale.LanguageRange::getRange)
                    .toList();
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
    }

    // Reports (issue 14): the names and one-line definitions of the figures, from i18n/reports_*.properties.
    private static final String REPORT_BUNDLE = "i18n.reports";

    /** A report text ({@code label.<key>} or {@code kpi.<key>}) in the reader's language, or the key itself. */
    public static String report(String key, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(REPORT_BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return text(bundle, key);
    }
}
