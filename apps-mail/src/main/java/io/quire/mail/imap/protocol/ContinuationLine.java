package io.quire.mail.imap.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One raw client line received in continuation mode ({@link ImapReceiver#expectContinuationLine()}):
 * a SASL response to AUTHENTICATE (RFC 9051 §6.2.2) or {@code DONE} ending IDLE (RFC 2177).
 *
 * @param line the octets without the terminating CRLF
 */
public record ContinuationLine(byte[] line) implements ReceiverEvent {
    /** The line as ASCII/UTF-8 text. */
    public String text() {
        return new String(line, StandardCharsets.UTF_8);
    }

    /** Whether the line is IDLE's {@code DONE}, matched case-insensitively as RFC 2177 requires. */
    public boolean isDone() {
        return "DONE".equalsIgnoreCase(text());
    }

    /** Whether the line is {@code *}, the client cancelling an AUTHENTICATE exchange. */
    public boolean isCancel() {
        return line.length == 1 && line[0] == '*';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContinuationLine c && Arrays.equals(c.line, line);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(line);
    }

    @Override
    public String toString() {
        return "ContinuationLine[" + text() + "]";
    }
}
