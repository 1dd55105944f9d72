package vn.luot.core.domain.ticket;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ticket number as staff type it at the desk or the counter: any case, with or without the leading
 * zeros, a space or a dash ({@code a17}, {@code A 17}, {@code A-017}), read as the printed number
 * ({@code A017}).
 */
public final class TicketNumberInput {
    private static final Pattern TYPED = Pattern.compile("([A-Z]{1,3})[\\s-]*([0-9]{1,7})");

    private TicketNumberInput() {
    }

    /** The printed form, or empty when the text cannot be a ticket number. */
    public static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        Matcher m = TYPED.matcher(typed.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long sequence = Long.parseLong(m.group(2));
        return sequence < 1 ? Optional.empty() : Optional.of(TicketNumbering.format(m.group(1), sequence));
    }
}
