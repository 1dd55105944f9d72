package vn.luot.core.domain.booking;

import java.util.Optional;
import vn.luot.core.domain.ticket.TicketRequest;

/**
 * A phone number reduced to the digits people mean, so that a booking made as "+84 912 345 678" is
 * found when staff type "0912345678" or "0912.345.678": separators go, and the country code +84 (or
 * 84 before a ten-digit-long rest) becomes the leading 0 of the national form.
 */
public final class PhoneDigits {
    private PhoneDigits() {
    }

    /** Empty when the text is not a phone number (see {@link TicketRequest#PHONE}). */
    public static Optional<String> of(String phone) {
        if (phone == null || !TicketRequest.PHONE.matcher(phone.trim()).matches()) {
            return Optional.empty();
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (phone.trim().startsWith("+84")) {
            return Optional.of("0" + digits.substring(2));
        }
        if (digits.startsWith("84") && digits.length() == 11) {
            return Optional.of("0" + digits.substring(2));
        }
        return Optional.of(digits);
    }
}
