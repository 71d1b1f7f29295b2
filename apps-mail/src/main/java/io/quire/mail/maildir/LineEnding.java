package io.quire.mail.maildir;

import java.io.ByteArrayOutputStream;

/**
 * How to treat line ends when moving messages between formats.
 *
 * <p>On the wire and in IMAP, messages have CRLF line ends (RFC 5322 §2.1); on disk, Maildir and mbox files
 * conventionally have bare LF (Dovecot's {@code mail_save_crlf = no}, mutt, procmail). {@link #AS_IS} keeps the
 * bytes, so a round trip is exact; {@link #CRLF} gives the store canonical bytes; {@link #LF} writes files the
 * Unix way.
 */
public enum LineEnding {
    /** Keep the bytes as they are. */
    AS_IS,
    /** Turn every bare LF into CRLF. */
    CRLF,
    /** Turn every CRLF into LF. */
    LF;

    /** Applies this convention; returns {@code raw} itself when nothing changes. */
    public byte[] apply(byte[] raw) {
        return switch (this) {
            case AS_IS -> raw;
            case CRLF -> toCrlf(raw);
            case LF -> toLf(raw);
        };
    }

    private static byte[] toCrlf(byte[] raw) {
        int bare = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) {
                bare++;
            }
        }
        if (bare == 0) {
            return raw;
        }
        var out = new ByteArrayOutputStream(raw.length + bare);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(raw[i]);
        }
        return out.toByteArray();
    }

    private static byte[] toLf(byte[] raw) {
        var out = new ByteArrayOutputStream(raw.length);
        boolean changed = false;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\r' && i + 1 < raw.length && raw[i + 1] == '\n') {
                changed = true;
                continue;
            }
            out.write(raw[i]);
        }
        return changed ? out.toByteArray() : raw;
    }
}
