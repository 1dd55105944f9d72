package vn.luot.core.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs staff tokens. Taken from LUOT_JWT_SECRET when set (every node of a cluster must
 * share it); otherwise generated once and kept in the data directory, readable by the owner only.
 * Blocking: call it from {@code main}.
 */
public final class JwtSecret {
    static final String FILE = "jwt-secret";

    private JwtSecret() {
    }

    public static String resolve(String configured, Path dataDir) throws IOException {
        if (configured != null) {
            return configured;
        }
        Path file = dataDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            return Files.readString(file).trim();
        }
        Files.createDirectories(dataDir);
        byte[] key = new byte[48];
        new SecureRandom().nextBytes(key);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        createOwnerOnly(file);
        Files.writeString(file, secret);
        return secret;
    }

    /**
     * Created readable by the owner only from its first moment, before the key is written: setting the
     * permissions afterwards would leave a window in which others may open it.
     */
    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the directory's own permissions must protect it.
            Files.createFile(file);
        }
    }

}
