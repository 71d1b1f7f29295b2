package io.quire.mail.imap.handler;

import io.quire.mail.mime.ParsedMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A small LRU of parsed messages keyed by body blob id, so that a client fetching ENVELOPE, then BODYSTRUCTURE, then
 * sections of the same messages reads and parses each body once. Blob ids name content (one blob per distinct
 * body), so an entry can never show one user another user's message: a session only asks for blobs its own
 * entries point to.
 *
 * <p>Bounded by total octets; a message larger than the whole budget is parsed but not kept. Thread-safe; the
 * body is read and parsed outside the lock.
 */
public final class BodyCache {
    private final long maxOctets;
    private long octets;
    private final LinkedHashMap<String, ParsedMessage> entries = new LinkedHashMap<>(64, 0.75f, true);

    /** A cache holding at most {@code maxOctets} of message bodies. */
    public BodyCache(long maxOctets) {
        this.maxOctets = maxOctets;
    }

    /** The parsed message of {@code blob}, read with {@code read} if it is not cached. */
    public ParsedMessage get(String blob, Supplier<byte[]> read) {
        synchronized (this) {
            ParsedMessage hit = entries.get(blob);
            if (hit != null) {
                return hit;
            }
        }
        ParsedMessage parsed = ParsedMessage.parse(read.get());
        if (parsed.size() <= maxOctets) {
            synchronized (this) {
                if (entries.put(blob, parsed) == null) {
                    octets += parsed.size();
                }
                var it = entries.entrySet().iterator();
                while (octets > maxOctets && it.hasNext()) {
                    Map.Entry<String, ParsedMessage> eldest = it.next();
                    octets -= eldest.getValue().size();
                    it.remove();
                }
            }
        }
        return parsed;
    }

    /** How many messages are cached. */
    public synchronized int size() {
        return entries.size();
    }
}
