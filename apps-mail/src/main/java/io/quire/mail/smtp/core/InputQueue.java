package io.quire.mail.smtp.core;

import java.util.Arrays;

/**
 * The bytes a session has received but not yet consumed, framed into command lines on demand.
 *
 * <p>Bounded: while looking for a line end it keeps at most {@code maxLine} octets of one line; past that it drops
 * what it has and discards up to the next LF, then reports the line as {@link #TOO_LONG}. So a client that never
 * sends a line end costs us a kilobyte, not the heap, and the session stays in sync after replying
 * {@code 500 5.5.6}. It can still hold several complete pipelined lines; the transport bounds that by pausing
 * the socket while the session waits for the store.
 *
 * <p>Vert.x's {@code RecordParser} is not used for this: its {@code maxRecordSize} is checked against everything
 * buffered rather than the current record (a pipelined batch would trip it), and it keeps the over-long record
 * instead of skipping to the next line end, so it cannot resynchronise after a {@code 500 5.5.6}. Framing here,
 * inside the sans-IO core, also lets the chunking tests exercise it.
 */
final class InputQueue {

    /** Marker returned by {@link #pollLine} for a line longer than the limit (already discarded). */
    static final byte[] TOO_LONG = new byte[0];

    private byte[] buf = new byte[1024];
    private int start;
    private int end;
    private int scanned;
    private boolean discarding;

    void append(byte[] bytes, int off, int len) {
        if (len == 0) {
            return;
        }
        if (end + len > buf.length) {
            int live = end - start;
            if (live + len <= buf.length && start > 0) {
                System.arraycopy(buf, start, buf, 0, live);
            } else {
                buf = Arrays.copyOfRange(buf, start, start + Math.max(buf.length * 2, live + len));
            }
            scanned -= start;
            end = live;
            start = 0;
        }
        System.arraycopy(bytes, off, buf, end, len);
        end += len;
    }

    boolean isEmpty() {
        return start == end;
    }

    int size() {
        return end - start;
    }

    void clear() {
        start = end = scanned = 0;
        discarding = false;
    }

    /**
     * The next complete line without its line end (LF, or CRLF), {@link #TOO_LONG}, or {@code null} if no line is
     * complete yet.
     *
     * @param maxLine the largest line, line end included
     */
    byte[] pollLine(int maxLine) {
        for (int i = Math.max(scanned, start); i < end; i++) {
            if (buf[i] == '\n') {
                int lineEnd = i > start && buf[i - 1] == '\r' ? i - 1 : i;
                boolean tooLong = discarding || i + 1 - start > maxLine;
                byte[] line = tooLong ? TOO_LONG : Arrays.copyOfRange(buf, start, lineEnd);
                start = scanned = i + 1;
                discarding = false;
                compactIfEmpty();
                return line;
            }
        }
        if (end - start > maxLine) {
            discarding = true;
            start = scanned = end;
            compactIfEmpty();
        } else {
            scanned = end;
        }
        return null;
    }

    /** Hands queued bytes to the data reader until it has seen the end of the message. */
    void drainTo(DataReader reader) {
        int used = reader.feed(buf, start, end - start);
        start += used;
        scanned = start;
        compactIfEmpty();
    }

    private void compactIfEmpty() {
        if (start == end) {
            start = end = scanned = 0;
            if (buf.length > 64 * 1024) {
                buf = new byte[1024];
            }
        }
    }
}
