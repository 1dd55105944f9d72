package vn.luot.core.http;

import java.util.EnumMap;
import java.util.Map;
import vn.luot.core.domain.Problem;

/** The HTTP status of each problem. Client mistakes are 4xx; only a fault of ours is a 500. */
final class ProblemStatus {
    private static final Map<Problem, Integer> STATUS = new EnumMap<>(Problem.class);

    static {
        for (Problem p : Problem.values()) {
            STATUS.put(p, 400);
        }
        put(404, Problem.SITE_NOT_FOUND, Problem.TICKET_NOT_FOUND, Problem.COUNTER_NOT_FOUND, Problem.STAFF_NOT_FOUND,
                Problem.PRINTER_NOT_FOUND, Problem.NOT_FOUND, Problem.BOOKING_NOT_FOUND);
        put(409, Problem.TICKET_STATE, Problem.TICKET_AT_OTHER_SITE, Problem.TICKET_RESERVED_FOR_OTHER_COUNTER,
                Problem.TICKET_NOT_CURRENT, Problem.NO_CURRENT_TICKET, Problem.COUNTER_STATE, Problem.COUNTER_BUSY,
                Problem.COUNTER_IN_USE, Problem.TRANSFER_TO_SAME_PLACE, Problem.STAFF_EXISTS,
                Problem.PRINTER_TOKEN_ALREADY_ISSUED, Problem.BOOKING_STATE, Problem.BOOKING_NOT_TODAY,
                Problem.OUTSIDE_OPENING_HOURS, Problem.OUTSIDE_OPENING_HOURS_NO_NEXT);
        put(409, Problem.SLOT_FULL, Problem.BOOKING_EXPIRED, Problem.BOOKING_AT_OTHER_SITE, Problem.CHECK_IN_NOT_YET);
        put(429, Problem.RATE_LIMITED, Problem.DAILY_LIMIT_PHONE, Problem.DAILY_LIMIT_ADDRESS);
        put(422, Problem.IDEMPOTENCY_KEY_REUSED);
        put(404, Problem.SUGGESTION_NOT_FOUND);                       // balancing (issue 10)
        put(409, Problem.SUGGESTION_NO_LONGER_VALID);                 // balancing (issue 10)
        put(401, Problem.INVALID_CREDENTIALS, Problem.MISSING_TOKEN, Problem.INVALID_TOKEN);
        put(403, Problem.FORBIDDEN, Problem.NOT_YOUR_COUNTER);
        put(405, Problem.METHOD_NOT_ALLOWED);
        put(413, Problem.BODY_TOO_LARGE);
        put(503, Problem.DATABASE_UNAVAILABLE);
        put(500, Problem.INTERNAL_ERROR);
        // hardening (issue 12)
        put(429, Problem.TOO_MANY_SOCKETS, Problem.TOO_MANY_LOGIN_ATTEMPTS);
        put(401, Problem.HOLDER_SECRET_MISSING);
        put(409, Problem.CANNOT_DISABLE_SELF);
        put(414, Problem.URI_TOO_LONG);
        put(431, Problem.HEADERS_TOO_LARGE);
        put(403, Problem.NOT_TICKET_HOLDER);
        // Ratings (issue 14)
        put(409, Problem.RATING_NOT_OPEN, Problem.RATING_WINDOW_CLOSED, Problem.RATING_ALREADY_GIVEN,
                Problem.RATING_TOKEN_ALREADY_ISSUED);
        put(403, Problem.RATING_OTHER_COUNTER);
        put(404, Problem.EXPORT_NOT_FOUND);
        put(409, Problem.EXPORT_NOT_READY);
    }

    private ProblemStatus() {
    }

    static int of(Problem problem) {
        return STATUS.get(problem);
    }

    private static void put(int status, Problem... problems) {
        for (Problem p : problems) {
            STATUS.put(p, status);
        }
    }
}
