package vn.luot.core.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import vn.luot.core.domain.catalogue.LocalizedText;

/**
 * Sentences that are not errors (recommendations, suggestions, notices to phones), from the bundles
 * {@code i18n/balancing_vi.properties} and {@code i18n/balancing_en.properties}. Answers carry both
 * languages, Vietnamese first, so a page can show either without asking again.
 */
public final class Sentences {
    private static final String BUNDLE = "i18n.balancing";

    private Sentences() {
    }

    /** The sentence in both languages; {@link LocalizedText} arguments are said in each one's language. */
    public static LocalizedText both(String key, Object... arguments) {
        return new LocalizedText(say(key, Messages.VIETNAMESE, arguments), say(key, Locale.ENGLISH, arguments));
    }

    public static String say(String key, Locale locale, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        Object[] words = arguments.clone();
        for (int i = 0; i < words.length; i++) {
            if (words[i] instanceof LocalizedText name) {
                words[i] = Messages.VIETNAMESE.equals(locale) ? name.vi() : name.en();
            } else if (words[i] instanceof Number n) {
                words[i] = n.toString();
            }
        }
        return new MessageFormat(pattern, locale).format(words);
    }
}
