package vn.luot.core.domain.booking;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The short code a citizen gives at the desk or the kiosk: six characters from an alphabet without the
 * ones people confuse when they read them aloud or off a phone screen (0 and O, 1, I and L), such as
 * {@code K7M2QX}. Codes are random, so they tell nothing about the booking or about other bookings.
 */
public final class BookingCode {
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 6;
    private static final Pattern VALID = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");
    private static final RandomGenerator RANDOM = new SecureRandom();

    private BookingCode() {
    }

    public static String random() {
        return random(RANDOM);
    }

    public static String random(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The code as typed by staff or a citizen: any case, with spaces or dashes between groups
     * ({@code "k7m 2qx"}, {@code "K7M-2QX"}). Empty when it cannot be a code.
     */
    public static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return VALID.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }
}
