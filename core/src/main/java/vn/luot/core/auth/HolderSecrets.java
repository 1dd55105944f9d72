package vn.luot.core.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof of holding a ticket. A ticket's id is public (the hall stream and the counters carry it); its
 * holder secret is given only to whoever took the ticket, in the 201 answer and the QR link on the
 * ticket, and a holder's action (cancel, ...) needs it in {@code X-Holder-Secret}.
 *
 * <p>The secret is an HMAC of the ticket id under a key derived from the token-signing key, so nothing
 * is stored, every node that shares the key agrees, and a retried issue gets the same secret back.
 */
public final class HolderSecrets {
    public static final String HEADER = "X-Holder-Secret";
    /** 16 bytes of the MAC in unpadded base64url. */
    public static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] PURPOSE = "luot holder secret v1".getBytes(StandardCharsets.UTF_8);
    private final SecretKeySpec key;

    public HolderSecrets(String signingKey) {
        // A key of its own, so a holder secret can never be mistaken for anything signed for staff.
        this.key = new SecretKeySpec(mac(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), ALGORITHM),
                PURPOSE), ALGORITHM);
    }

    public String of(UUID ticketId) {
        byte[] full = mac(key, ByteBuffer.allocate(16).putLong(ticketId.getMostSignificantBits())
                .putLong(ticketId.getLeastSignificantBits()).array());
        byte[] shortened = new byte[16];
        System.arraycopy(full, 0, shortened, 0, shortened.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(shortened);
    }

    /** In constant time, so the answer's timing tells nothing about how much of a guess was right. */
    public boolean holds(UUID ticketId, String presented) {
        return presented != null && FORMAT.matcher(presented).matches()
                && MessageDigest.isEqual(of(ticketId).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] mac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
