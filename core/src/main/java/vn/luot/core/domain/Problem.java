package vn.luot.core.domain;

/**
 * Everything a request can get wrong, named once. The HTTP layer maps each problem to a status code,
 * and the message bundles ({@code i18n/errors_*.properties}) hold the words, keyed by {@link #code()}.
 */
public enum Problem {
    MALFORMED_JSON,
    INVALID_FIELD,
    BODY_TOO_LARGE,
    UNKNOWN_SERVICE,
    UNKNOWN_SITE,
    UNKNOWN_PRIORITY_GROUP,
    UNKNOWN_CHANNEL,
    UNKNOWN_PRINTER,
    SERVICE_NOT_OFFERED,
    SITE_NOT_FOUND,
    TICKET_NOT_FOUND,
    COUNTER_NOT_FOUND,
    STAFF_NOT_FOUND,
    PRINTER_NOT_FOUND,
    TICKET_STATE,
    TICKET_AT_OTHER_SITE,
    TICKET_RESERVED_FOR_OTHER_COUNTER,
    TICKET_NOT_CURRENT,
    NO_CURRENT_TICKET,
    COUNTER_STATE,
    COUNTER_BUSY,
    COUNTER_IN_USE,
    NOT_YOUR_COUNTER,
    TRANSFER_TARGET_MISSING,
    TRANSFER_TO_SAME_PLACE,
    COUNTER_AT_OTHER_SITE,
    IDEMPOTENCY_KEY_REUSED,
    BOOKING_NOT_FOUND,
    BOOKING_STATE,
    BOOKING_NOT_TODAY,
    SLOT_IN_PAST,
    SLOT_OUTSIDE_OPENING_HOURS,
    OUTSIDE_OPENING_HOURS,
    OUTSIDE_OPENING_HOURS_NO_NEXT,
    STAFF_EXISTS,
    PRINTER_TOKEN_ALREADY_ISSUED,
    WEAK_PASSWORD,
    INVALID_CREDENTIALS,
    MISSING_TOKEN,
    INVALID_TOKEN,
    FORBIDDEN,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    DATABASE_UNAVAILABLE,
    INTERNAL_ERROR,
    // hardening (issue 12)
    TOO_MANY_SOCKETS,
    HOLDER_SECRET_MISSING,
    NOT_TICKET_HOLDER,
    TOO_MANY_LOGIN_ATTEMPTS,
    CANNOT_DISABLE_SELF,
    URI_TOO_LONG,
    HEADERS_TOO_LARGE,
    MALFORMED_REQUEST;

    /** The stable identifier clients see in {@code {"error": ...}}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
