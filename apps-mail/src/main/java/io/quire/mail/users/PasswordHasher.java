package io.quire.mail.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and checks mail passwords with Argon2id (RFC 9106), stored in the PHC string format
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} (unpadded standard Base64), the
 * form libargon2, Dovecot's {@code ARGON2ID} scheme and PHP's {@code password_hash} write.
 *
 * <p>The parameters travel inside each stored hash, so raising them later only affects new
 * passwords and old hashes keep verifying. The default is OWASP's first Argon2id configuration
 * (19 MiB, 2 passes, 1 lane): about 50–100 ms per check on one core here, cheap enough for an IMAP
 * LOGIN and for tests, and still memory-hard.
 */
public final class PasswordHasher {
    /** Cost parameters: memory in KiB, passes over memory, lanes. */
    public record Params(int memoryKiB, int iterations, int parallelism) {
        public Params {
            if (parallelism < 1 || parallelism > 255) throw new IllegalArgumentException("parallelism must be 1..255");
            if (iterations < 1 || iterations > 100) throw new IllegalArgumentException("iterations must be 1..100");
            // RFC 9106 §3.1: at least 8 KiB per lane; the upper bound keeps a forged hash from exhausting memory
            if (memoryKiB < 8 * parallelism || memoryKiB > 1 << 21) throw new IllegalArgumentException("memory out of range");
        }
    }

    /** OWASP Password Storage Cheat Sheet, Argon2id option 1. */
    public static final Params DEFAULT = new Params(19_456, 2, 1);

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{16,128})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Params params;
    private final SecureRandom random = new SecureRandom();
    /** A real hash of a random password, checked against when the user does not exist (see {@link #burn}). */
    private final String decoy;

    public PasswordHasher(Params params) {
        this.params = params;
        byte[] secret = new byte[16];
        random.nextBytes(secret);
        this.decoy = hash(B64.encodeToString(secret));
    }

    public PasswordHasher() {
        this(DEFAULT);
    }

    /** A new PHC string for {@code password}, with a fresh random salt. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] out = derive(password, salt, params, HASH_BYTES);
        return "$argon2id$v=19$m=" + params.memoryKiB() + ",t=" + params.iterations() + ",p=" + params.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
    }

    /**
     * Whether {@code password} matches {@code stored}. The comparison takes the same time wherever the
     * first differing byte is; an unreadable stored string never matches.
     */
    public boolean verify(String password, String stored) {
        Optional<Parsed> p = parse(stored);
        if (p.isEmpty()) return false;
        byte[] actual = derive(password, p.get().salt(), p.get().params(), p.get().hash().length);
        return MessageDigest.isEqual(actual, p.get().hash());
    }

    /**
     * Spends the time of one verification and answers false: used for unknown users, so that the
     * answer time does not tell which user names exist.
     */
    public boolean burn(String password) {
        verify(password, decoy);
        return false;
    }

    private record Parsed(Params params, byte[] salt, byte[] hash) {
    }

    private static Optional<Parsed> parse(String stored) {
        if (stored == null) return Optional.empty();
        Matcher m = PHC.matcher(stored);
        if (!m.matches()) return Optional.empty();
        try {
            Params p = new Params(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return Optional.of(new Parsed(p, B64D.decode(m.group(4)), B64D.decode(m.group(5))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] derive(String password, byte[] salt, Params p, int length) {
        Argon2Parameters a = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKiB()).withIterations(p.iterations()).withParallelism(p.parallelism())
                .withSalt(salt).build();
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(a);
        byte[] out = new byte[length];
        g.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
