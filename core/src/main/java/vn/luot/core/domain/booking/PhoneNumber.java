package vn.luot.core.domain.booking;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Vietnamese mobile number, the only kind a citizen books with: ten digits starting 03, 05, 07, 08 or
 * 09, also written with the country code (+84 912 345 678, 84912345678) and with spaces, dots or dashes
 * between groups. It is kept in one normal form, the national one ({@code 0912345678}), which is what
 * staff type when they search; the SMS or Zalo gateway gets the international form ({@code 84912345678});
 * logs get only the masked form ({@code 09xx xxx 678}).
 *
 * @param national the ten digits, starting with 0
 */
public record PhoneNumber(String national) {
    private static final Pattern NATIONAL = Pattern.compile("0[35789][0-9]{8}");
    /** What people write between the groups of digits. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");
    private static final Pattern WRITTEN = Pattern.compile("\\+?[0-9]+");

    public PhoneNumber {
        Objects.requireNonNull(national, "national");
        if (!NATIONAL.matcher(national).matches()) {
            throw new IllegalArgumentException("not a Vietnamese mobile number in national form");
        }
    }

    /** The number as a citizen or staff wrote it, or empty when it is not a Vietnamese mobile number. */
    public static Optional<PhoneNumber> parse(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(written.strip()).replaceAll("");
        if (!WRITTEN.matcher(compact).matches()) {
            return Optional.empty();
        }
        String national;
        if (compact.startsWith("+84")) {
            national = "0" + compact.substring(3);
        } else if (compact.startsWith("+")) {
            return Optional.empty();
        } else if (compact.startsWith("84") && compact.length() == 11) {
            national = "0" + compact.substring(2);
        } else {
            national = compact;
        }
        return NATIONAL.matcher(national).matches() ? Optional.of(new PhoneNumber(national)) : Optional.empty();
    }

    /** The form gateways want: the country code 84 and no leading 0 ({@code 84912345678}). */
    public String international() {
        return "84" + national.substring(1);
    }

    /** The only form that may appear in a log: {@code 09xx xxx 678}. */
    public String masked() {
        return national.substring(0, 2) + "xx xxx " + national.substring(7);
    }

    /** Masks a stored national number for a log line; anything else is hidden completely. */
    public static String mask(String stored) {
        return stored != null && NATIONAL.matcher(stored).matches() ? new PhoneNumber(stored).masked() : "(hidden)";
    }

    @Override
    public String toString() {
        return masked();
    }
}
