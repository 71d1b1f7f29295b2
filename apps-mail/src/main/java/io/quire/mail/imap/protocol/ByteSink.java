package io.quire.mail.imap.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array that never allocates more than its expected final size. */
final class ByteSink {
    private static final int INITIAL_CAP = 1 << 20;

    private final long expected;
    private byte[] buf;
    private int length;

    /** A sink for small tokens. */
    ByteSink() {
        this.expected = Integer.MAX_VALUE - 8;
        this.buf = new byte[64];
    }

    /**
     * A sink for a literal of {@code expected} octets; it grows by doubling, so an announced but never
     * sent literal does not reserve its full size up front.
     */
    ByteSink(long expected) {
        this.expected = expected;
        this.buf = new byte[(int) Math.min(expected, INITIAL_CAP)];
    }

    void add(int b) {
        ensure(1);
        buf[length++] = (byte) b;
    }

    void add(byte[] src, int offset, int n) {
        ensure(n);
        System.arraycopy(src, offset, buf, length, n);
        length += n;
    }

    int length() {
        return length;
    }

    byte byteAt(int i) {
        return buf[i];
    }

    /** The content; a completed literal sink hands over its own array rather than copying 64 MiB. */
    byte[] toArray() {
        return length == buf.length && length == expected ? buf : Arrays.copyOf(buf, length);
    }

    String ascii() {
        return new String(buf, 0, length, StandardCharsets.US_ASCII);
    }

    void clear() {
        length = 0;
        if (buf.length > 4096) {
            buf = new byte[64];
        }
    }

    private void ensure(int n) {
        if (length + n > buf.length) {
            long want = Math.max((long) buf.length * 2, (long) length + n);
            buf = Arrays.copyOf(buf, (int) Math.min(Math.max(want, 16), Math.max(expected, length + n)));
        }
    }
}
