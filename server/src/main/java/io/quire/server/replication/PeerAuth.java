package io.quire.server.replication;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Peer authentication with the shared cluster secret: each request between nodes carries the
 * sender's name, a timestamp and an HMAC-SHA256 over both and the request path. The secret never
 * travels; a captured signature is only good for {@link #MAX_SKEW_MILLIS} on that path.
 */
public final class PeerAuth {
    public static final String NODE = "X-Quire-Node";
    public static final String TIME = "X-Quire-Time";
    public static final String SIGNATURE = "X-Quire-Signature";
    public static final long MAX_SKEW_MILLIS = 5 * 60_000;

    private final byte[] secret;
    private final String self;

    public PeerAuth(String secret, String self) {
        if (secret == null || secret.length() < 8) throw new IllegalArgumentException("cluster.secret must be at least 8 characters");
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.self = self;
    }

    /** Headers that authenticate this node for requests under {@code pathPrefix} (e.g. {@code /git/db.git}). */
    public Map<String, String> headers(String pathPrefix, long nowMillis) {
        Map<String, String> h = new LinkedHashMap<>();
        String time = Long.toString(nowMillis);
        h.put(NODE, self);
        h.put(TIME, time);
        h.put(SIGNATURE, sign(self, time, pathPrefix));
        return h;
    }

    /**
     * The authenticated peer name if the headers are valid for a request to {@code path}: the
     * signature may cover the path itself or a prefix ending at a '/' boundary (one Git fetch makes
     * several requests under one repository URL).
     */
    public Optional<String> verify(String node, String time, String signature, String path, long nowMillis) {
        if (node == null || time == null || signature == null) return Optional.empty();
        long t;
        try {
            t = Long.parseLong(time);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (Math.abs(nowMillis - t) > MAX_SKEW_MILLIS) return Optional.empty();
        for (String prefix = path; !prefix.isEmpty(); prefix = parent(prefix)) {
            if (MessageDigest.isEqual(sign(node, time, prefix).getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII))) return Optional.of(node);
        }
        return Optional.empty();
    }

    private static String parent(String path) {
        int i = path.lastIndexOf('/');
        return i <= 0 ? "" : path.substring(0, i);
    }

    private String sign(String node, String time, String path) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((node + "\n" + time + "\n" + path).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
