package vn.luot.core.queue;

import java.util.UUID;

/** The ticket staff want to call out of order: by its id, or by its printed number (today's). */
public record CallTarget(UUID ticketId, String number) {
}
