package io.quire.server.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The admin token kept in {@code <dataDir>/admin-token} when the configuration sets none: generated
 * once (256 random bits), written with mode 600 so only the node's user can read it, and read back
 * on every later start so scripts keep working across restarts.
 */
public final class AdminToken {
    public static final String FILE = "admin-token";

    private AdminToken() {
    }

    /** The token stored in {@code dataDir}, if there is one. */
    public static Optional<String> read(Path dataDir) throws IOException {
        Path f = dataDir.resolve(FILE);
        if (!Files.exists(f)) return Optional.empty();
        String t = Files.readString(f, StandardCharsets.UTF_8).strip();
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    /** The stored token, or a new one stored now. */
    public static String loadOrCreate(Path dataDir) throws IOException {
        Optional<String> existing = read(dataDir);
        if (existing.isPresent()) return existing.get();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(dataDir);
        Path tmp = dataDir.resolve(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        // created with its final permissions, so the token is never readable by others, not even briefly
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, token + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(tmp, dataDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dataDir.resolve(FILE));
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp);
            return read(dataDir).orElseThrow(() -> e);
        }
        return token;
    }
}
