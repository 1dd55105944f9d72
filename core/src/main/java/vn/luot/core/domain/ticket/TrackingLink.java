package vn.luot.core.domain.ticket;

import java.util.UUID;

/**
 * The short link a ticket's QR code holds; it opens the ticket's live status page on a phone. It
 * carries the holder secret, so the phone that scanned it may act for the holder (cancel).
 */
public final class TrackingLink {
    private TrackingLink() {
    }

    /** @param publicUrl the address phones reach, without a trailing slash */
    public static String of(String publicUrl, UUID ticketId, String holderSecret) {
        return publicUrl + "/t/" + ticketId + "?s=" + holderSecret;
    }
}
