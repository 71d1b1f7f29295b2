package io.quire.mail.imap.protocol;

import java.util.ArrayDeque;
import java.util.Arrays;

/** The bytes fed to a receiver and not yet consumed, kept as a queue of chunks. */
final class InputQueue {
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int position;
    private long available;

    void add(byte[] bytes, int offset, int length) {
        if (length > 0) {
            chunks.addLast(Arrays.copyOfRange(bytes, offset, offset + length));
            available += length;
        }
    }

    /** The next byte as 0-255, or -1 when empty. */
    int read() {
        byte[] head = chunks.peekFirst();
        if (head == null) {
            return -1;
        }
        int b = head[position++] & 0xff;
        advanced(head, 1);
        return b;
    }

    /** Moves up to {@code max} bytes into {@code sink}; returns how many moved. */
    int drainTo(ByteSink sink, long max) {
        byte[] head = chunks.peekFirst();
        if (head == null) {
            return 0;
        }
        int n = (int) Math.min(max, head.length - position);
        sink.add(head, position, n);
        position += n;
        advanced(head, n);
        return n;
    }

    /** Discards up to {@code max} bytes; returns how many were discarded. */
    long skip(long max) {
        long skipped = 0;
        while (skipped < max && !chunks.isEmpty()) {
            byte[] head = chunks.peekFirst();
            int n = (int) Math.min(max - skipped, head.length - position);
            position += n;
            skipped += n;
            advanced(head, n);
        }
        return skipped;
    }

    long available() {
        return available;
    }

    void clear() {
        chunks.clear();
        position = 0;
        available = 0;
    }

    private void advanced(byte[] head, int n) {
        available -= n;
        if (position == head.length) {
            chunks.pollFirst();
            position = 0;
        }
    }
}
