package vn.luot.core.domain.ticket;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How ticket numbers are made: the service prefix and a sequence of at least three digits
 * ({@code A001}, {@code A017}, {@code A1000}). Each prefix has its own sequence per service day,
 * shared by both sites, so a number is never issued twice on one day anywhere in the centre.
 */
public final class TicketNumbering {
    /** Prefixes are one to three capital letters; they also end up in database object names. */
    public static final Pattern PREFIX = Pattern.compile("[A-Z]{1,3}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private TicketNumbering() {
    }

    /** Orders numbers as people read them: A999 before A1000. */
    public static final java.util.Comparator<String> READING_ORDER =
            java.util.Comparator.comparingInt(String::length).thenComparing(java.util.Comparator.naturalOrder());

    public static String format(String prefix, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("ticket sequences start at 1, got " + sequence);
        }
        return prefix + (sequence < 1000 ? String.format(Locale.ROOT, "%03d", sequence) : Long.toString(sequence));
    }

    /** The name of the sequence that numbers one prefix on one day; safe to use as an SQL identifier. */
    public static String sequenceName(LocalDate serviceDay, String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("invalid ticket prefix: " + prefix);
        }
        return "ticket_seq_" + DAY.format(serviceDay) + "_" + prefix.toLowerCase(Locale.ROOT);
    }
}
