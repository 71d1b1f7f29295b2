package io.quire.mail.maildir;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * IMAP's modified UTF-7 for mailbox names (RFC 3501 §5.1.3), which Dovecot and Courier also use for Maildir++
 * folder directory names: {@code Entwürfe} is {@code Entw&APw-rfe}.
 *
 * <p>Printable US-ASCII stands for itself, except {@code &}, written {@code &-}; anything else is UTF-16BE in
 * base64 with {@code ,} for {@code /}, between {@code &} and {@code -}.
 */
public final class ModifiedUtf7 {

    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private ModifiedUtf7() {
    }

    /** Encodes a Unicode name. */
    public static String encode(String name) {
        var out = new StringBuilder(name.length() + 8);
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c == '&') {
                out.append("&-");
                i++;
            } else if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
                i++;
            } else {
                int start = i;
                while (i < name.length() && (name.charAt(i) < 0x20 || name.charAt(i) > 0x7e)) {
                    i++;
                }
                byte[] utf16 = name.substring(start, i).getBytes(StandardCharsets.UTF_16BE);
                out.append('&').append(ENCODER.encodeToString(utf16).replace('/', ',')).append('-');
            }
        }
        return out.toString();
    }

    /**
     * Decodes an encoded name.
     *
     * @throws IllegalArgumentException if it is not valid modified UTF-7: unterminated or bad base64, bad UTF-16,
     *     or a base64 run that encodes printable ASCII (which must stand for itself; Dovecot refuses such names too)
     */
    public static String decode(String encoded) {
        var out = new StringBuilder(encoded.length());
        int i = 0;
        while (i < encoded.length()) {
            char c = encoded.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("not 7-bit printable: " + encoded);
            }
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int end = encoded.indexOf('-', i + 1);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated shift: " + encoded);
            }
            if (end == i + 1) {
                out.append('&');
            } else {
                out.append(decodeRun(encoded.substring(i + 1, end), encoded));
            }
            i = end + 1;
        }
        return out.toString();
    }

    /** Decodes, or returns the input unchanged when it is not valid modified UTF-7. */
    public static String decodeLeniently(String encoded) {
        try {
            return decode(encoded);
        } catch (IllegalArgumentException e) {
            return encoded;
        }
    }

    private static String decodeRun(String run, String whole) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(run.replace(',', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad base64 in " + whole, e);
        }
        if (bytes.length % 2 != 0) {
            throw new IllegalArgumentException("odd UTF-16 length in " + whole);
        }
        String text;
        try {
            text = StandardCharsets.UTF_16BE.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("bad UTF-16 in " + whole, e);
        }
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) >= 0x20 && text.charAt(k) <= 0x7e) {
                throw new IllegalArgumentException("printable ASCII must not be encoded: " + whole);
            }
        }
        return text;
    }
}
