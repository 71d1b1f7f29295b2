package io.quire.mail.smtp.core;

import io.quire.mail.delivery.EnhancedStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One SMTP/LMTP reply: a three-digit code, an optional RFC 3463 enhanced code and one or more text lines.
 *
 * <p>Encoded per RFC 5321 §4.2: every line but the last is {@code code "-" text}, the last {@code code SP text}.
 * With ENHANCEDSTATUSCODES (RFC 2034 §3) the enhanced code starts every line's text, except in the greeting and the
 * EHLO reply, which carry none (their {@code status} is {@code null}).
 *
 * @param code the basic reply code, 200–599
 * @param status the enhanced status code, or {@code null} where RFC 2034 has none
 * @param lines the text lines, without CRLF; at least one
 */
public record Reply(int code, EnhancedStatus status, List<String> lines) {

    /** Validates the code, the class agreement and the line texts. */
    public Reply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("reply code out of range: " + code);
        }
        if (status != null && status.statusClass() != code / 100) {
            throw new IllegalArgumentException("reply " + code + " with status " + status);
        }
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply needs a text line");
        }
        for (String line : lines) {
            if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("reply text must not contain CR or LF");
            }
        }
    }

    /** A one-line reply with an enhanced code. */
    public static Reply of(int code, String status, String text) {
        return new Reply(code, EnhancedStatus.parse(status), List.of(text));
    }

    /** A one-line reply without an enhanced code (greeting, 354). */
    public static Reply plain(int code, String text) {
        return new Reply(code, null, List.of(text));
    }

    /** Whether the code is 2xx or 3xx. */
    public boolean isPositive() {
        return code < 400;
    }

    /** The wire form, CRLF-terminated lines, UTF-8 (only ASCII in practice: our texts and addresses). */
    public byte[] encode() {
        var out = new ByteArrayOutputStream(64);
        encodeTo(out);
        return out.toByteArray();
    }

    /** Appends the wire form to {@code out}. */
    public void encodeTo(ByteArrayOutputStream out) {
        for (int i = 0; i < lines.size(); i++) {
            var sb = new StringBuilder(64).append(code).append(i == lines.size() - 1 ? ' ' : '-');
            if (status != null) {
                sb.append(status).append(' ');
            }
            sb.append(lines.get(i)).append("\r\n");
            out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public String toString() {
        return new String(encode(), StandardCharsets.UTF_8).strip();
    }
}
