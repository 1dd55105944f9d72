package vn.luot.core.domain.printing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret a printer bridge presents. It is 256 random bits, shown once to the admin who issues it;
 * the server keeps only its SHA-256 hash (a random secret of this size needs no slow hash), so a copy of
 * the database does not let anyone impersonate a printer. There is no default token.
 */
public final class DeviceToken {
    private static final String PREFIX = "lpt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DeviceToken() {
    }

    public static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** Compares in constant time; no stored hash (no token issued yet) never matches. */
    public static boolean matches(String token, String storedHash) {
        if (token == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
