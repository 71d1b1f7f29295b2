package io.quire.mail.model;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes stable ids for messages and mailboxes, unique without coordination: the time in
 * milliseconds, an origin unique to this process, and a counter.
 *
 * <p>Form: {@code <time:9 base-36 digits>.<origin>.<counter base 36>}, e.g.
 * {@code mjx0k2a1b.q3v9d2k8xz.1f}, a valid {@code DocumentId} id. The fixed-width time first makes
 * ids sort roughly by creation. The origin is random per process rather than the node name because
 * a node restarted within the same millisecond with its counter back at zero would repeat ids; a
 * node name, when given, is kept in front of it for readability.
 */
public final class MessageIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String origin;
    private final AtomicLong counter = new AtomicLong();

    /** A generator with a fresh random origin. */
    public MessageIds() {
        this("");
    }

    /** A generator whose origin starts with {@code node} (letters and digits only are kept). */
    public MessageIds(String node) {
        String n = node == null ? "" : node.replaceAll("[^A-Za-z0-9]", "");
        if (n.length() > 32) n = n.substring(0, 32);
        String random = Long.toString(RANDOM.nextLong() >>> 12, 36);
        this.origin = n.isEmpty() ? random : n + "-" + random;
    }

    /** The next id. */
    public String next() {
        String time = Long.toString(System.currentTimeMillis(), 36);
        if (time.length() < 9) time = "0".repeat(9 - time.length()) + time;
        return time + "." + origin + "." + Long.toString(counter.getAndIncrement(), 36);
    }
}
