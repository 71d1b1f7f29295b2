package io.quire.merge;

import java.util.Comparator;
import java.util.Objects;

/**
 * A hybrid logical clock reading: wall-clock milliseconds, a logical counter for events within one
 * millisecond, and the replica (node) that made it, which breaks ties so that two readings are
 * never equal unless they are the same event. Totally ordered; the order decides last-writer-wins.
 *
 * <p>Text form {@code <wall>.<counter>@<replica>}, e.g. {@code 1764374400000.3@a}.
 */
public record Hlc(long wallMillis, int counter, String replica) implements Comparable<Hlc> {
    public static final Hlc ZERO = new Hlc(0, 0, "");
    private static final Comparator<Hlc> ORDER = Comparator.comparingLong(Hlc::wallMillis)
            .thenComparingInt(Hlc::counter).thenComparing(Hlc::replica);

    public Hlc {
        Objects.requireNonNull(replica, "replica");
        if (wallMillis < 0 || counter < 0) throw new IllegalArgumentException("negative clock reading");
    }

    /** The reading to use for a local event at physical time {@code nowMillis} after this one. */
    public Hlc tick(long nowMillis, String localReplica) {
        return nowMillis > wallMillis ? new Hlc(nowMillis, 0, localReplica) : new Hlc(wallMillis, counter + 1, localReplica);
    }

    /** The reading after receiving {@code other}: above both. */
    public Hlc observe(Hlc other, long nowMillis, String localReplica) {
        long wall = Math.max(nowMillis, Math.max(wallMillis, other.wallMillis));
        int c;
        if (wall == wallMillis && wall == other.wallMillis) c = Math.max(counter, other.counter) + 1;
        else if (wall == wallMillis) c = counter + 1;
        else if (wall == other.wallMillis) c = other.counter + 1;
        else c = 0;
        return new Hlc(wall, c, localReplica);
    }

    @Override
    public int compareTo(Hlc o) {
        return ORDER.compare(this, o);
    }

    public static Hlc max(Hlc a, Hlc b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public String toString() {
        return wallMillis + "." + counter + "@" + replica;
    }

    /** Parses the text form; throws {@link IllegalArgumentException} on anything else. */
    public static Hlc parse(String s) {
        int dot = s.indexOf('.');
        int at = s.indexOf('@');
        if (dot < 1 || at < dot + 2) throw new IllegalArgumentException("not a clock reading: " + s);
        try {
            return new Hlc(Long.parseLong(s.substring(0, dot)), Integer.parseInt(s.substring(dot + 1, at)), s.substring(at + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a clock reading: " + s, e);
        }
    }
}
