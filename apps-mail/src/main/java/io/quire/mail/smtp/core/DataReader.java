package io.quire.mail.smtp.core;

import java.util.Arrays;

/**
 * Reads the message after {@code DATA}: removes dot-stuffing, finds the end marker and keeps at most the size
 * limit in memory.
 *
 * <p>The end of data is exactly {@code CRLF "." CRLF} (RFC 5321 §4.1.1.4), the CRLF that ends the DATA command
 * counting as the first. A line starting with "." loses that dot (§4.5.2). Every other line end must be CRLF.
 *
 * <p>Bare LF or bare CR (§2.3.8 says they "MUST NOT" be sent other than as CRLF) is refused, not normalised:
 * after the 2023 SMTP-smuggling disclosures (CVE-2023-51764/51765/51766) a receiver that guesses where a line
 * ends can be fooled into seeing a second message that the sending relay never meant; Postfix, Exim and Sendmail
 * now reject such data as well. So a bare LF never ends a line here (nor the data), the message is marked
 * {@link #hasBareLineEnd()}, and the session answers {@code 550 5.6.2} once the real end marker arrives — the
 * client stays in sync and nothing is silently rewritten.
 *
 * <p>Data beyond the size limit is read and dropped; the session then answers {@code 552 5.3.4}.
 */
final class DataReader {

    private enum State { LINE_START, IN_LINE, CR, DOT, DOT_CR, DONE }

    private final long maxSize;
    private byte[] data = new byte[8192];
    private int size;
    private boolean tooBig;
    private boolean bareLineEnd;
    private State state = State.LINE_START;

    DataReader(long maxSize) {
        this.maxSize = maxSize;
    }

    boolean done() {
        return state == State.DONE;
    }

    boolean tooBig() {
        return tooBig;
    }

    boolean hasBareLineEnd() {
        return bareLineEnd;
    }

    /**
     * The dot-unstuffed message (CRLF line ends, without the end marker) after {@code head}, in one new array.
     * Only valid when done, not too big and free of bare line ends.
     */
    byte[] messageAfter(byte[] head) {
        if (state != State.DONE || tooBig || bareLineEnd) {
            throw new IllegalStateException("no message to hand over");
        }
        byte[] all = new byte[head.length + size];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(data, 0, all, head.length, size);
        data = null;
        return all;
    }

    /**
     * Consumes bytes up to and including the end marker.
     *
     * @return how many of the {@code len} bytes were used; fewer than {@code len} only when done
     */
    int feed(byte[] b, int off, int len) {
        int i = off;
        int limit = off + len;
        while (i < limit && state != State.DONE) {
            byte c = b[i++];
            switch (state) {
                case LINE_START -> {
                    if (c == '.') {
                        state = State.DOT;
                    } else {
                        inLine(c);
                    }
                }
                case IN_LINE -> inLine(c);
                case CR -> afterCr(c);
                case DOT -> {
                    if (c == '\r') {
                        state = State.DOT_CR;
                    } else {
                        inLine(c); // the stuffed dot is dropped
                    }
                }
                case DOT_CR -> {
                    if (c == '\n') {
                        state = State.DONE;
                    } else {
                        afterCr(c); // ".\rX": the dot was stuffing, the CR is bare
                    }
                }
                case DONE -> throw new IllegalStateException();
            }
        }
        return i - off;
    }

    private void inLine(byte c) {
        if (c == '\r') {
            state = State.CR;
        } else {
            if (c == '\n') {
                bareLineEnd = true; // kept as data, and not a line start: "\n.\r\n" does not end the message
            }
            append(c);
            state = State.IN_LINE;
        }
    }

    private void afterCr(byte c) {
        if (c == '\n') {
            append((byte) '\r');
            append((byte) '\n');
            state = State.LINE_START;
        } else {
            bareLineEnd = true;
            append((byte) '\r');
            inLine(c);
        }
    }

    private void append(byte c) {
        if (tooBig || bareLineEnd) {
            // Nothing of this message will be stored: stop holding memory for it.
            data = null;
            return;
        }
        if (size + 1 > maxSize) {
            tooBig = true;
            data = null;
            return;
        }
        if (size == data.length) {
            data = Arrays.copyOf(data, (int) Math.min(maxSize, (long) data.length * 2));
        }
        data[size++] = c;
    }
}
