package vn.luot.core.domain.limit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key a limit is counted under in the database: a SHA-256, in hex, of what is limited and whose it is
 * (a phone number, a client address, an account), so that the limits' tables hold none of them.
 */
public final class HashedSubject {
    private HashedSubject() {
    }

    /** The SHA-256 of {@code text} (UTF-8), as 64 hex digits. */
    public static String of(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java 17", e);
        }
    }
}
