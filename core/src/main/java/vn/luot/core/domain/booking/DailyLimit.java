package vn.luot.core.domain.booking;

import java.time.LocalDate;
import java.util.Locale;
import vn.luot.core.domain.limit.HashedSubject;

/**
 * How many bookings and remote tickets one phone number, and one client address, may take in a day
 * (the {@code booking.limits} settings). There is no one-time password; these limits stop abuse. The
 * counts are kept by hashed subject ({@link #subject}), so no phone number or address is stored for them.
 */
public record DailyLimit(int bookingsPerPhone, int remotePerPhone, int bookingsPerAddress, int remotePerAddress) {

    /** What is counted. */
    public enum Kind {
        BOOKING, REMOTE_TICKET;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DailyLimit {
        if (bookingsPerPhone < 1 || remotePerPhone < 1 || bookingsPerAddress < 1 || remotePerAddress < 1) {
            throw new IllegalArgumentException("daily limits must be at least 1");
        }
    }

    public int perPhone(Kind kind) {
        return kind == Kind.BOOKING ? bookingsPerPhone : remotePerPhone;
    }

    public int perAddress(Kind kind) {
        return kind == Kind.BOOKING ? bookingsPerAddress : remotePerAddress;
    }

    /** The key a count is kept under: a SHA-256 of what is counted, whose (phone or address) and which day. */
    public static String subject(Kind kind, String who, LocalDate day) {
        return HashedSubject.of(kind.wireName() + '|' + who + '|' + day);
    }
}
