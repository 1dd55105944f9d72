package vn.luot.core.domain;

/** What a field of a request must be; the message bundles say it in words ({@code rule.text}, ...). */
public enum FieldRule implements Wording {
    REQUIRED,
    TEXT,
    SHORT_TEXT,
    WHOLE_NUMBER,
    LIST_OF_TEXT,
    NOT_EMPTY_LIST,
    TICKET_ID,
    USERNAME,
    ROLE,
    PHONE,
    ONE_OF_TICKET_ID_OR_NUMBER,
    NAME,
    DATE_TIME,
    BOOKING_CODE,
    TICKET_NUMBER,
    ONE_OF_CODE_OR_PHONE,
    TRUE_OR_FALSE,
    // Reports and ratings (issue 14)
    DATE,
    DATE_RANGE,
    GROUP_BY,
    RATING_LEVEL,
    RATING_REASON,
    EXPORT_KIND,
    EXPORT_FORMAT,
    MONTH,
    // Booking by phone (issue 11).
    MOBILE_PHONE,
    SLOT_RANGE;

    @Override
    public String messageKey() {
        return "rule." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
