package io.quire.mail.imap.protocol;

import java.util.Arrays;

/**
 * The modified UTF-7 of mailbox names (RFC 3501 §5.1.3).
 *
 * <p>Printable US-ASCII other than {@code &} stands for itself; {@code &} is {@code &-}; any other run of
 * characters is {@code &}, the modified BASE64 (with {@code ,} for {@code /} and no padding) of its UTF-16BE
 * form, and {@code -}.
 *
 * <p>Decoding is strict: the RFC says modified BASE64 "MUST NOT be used to represent any printing US-ASCII
 * character which can represent itself", so the decoder accepts exactly the encodings that
 * {@link #encode} produces and refuses everything else (unterminated shifts, non-zero padding bits, lone
 * surrogates, encoded ASCII, two adjacent shifts). A name thus has one wire form, which keeps lookups
 * unambiguous.
 */
public final class ModifiedUtf7 {
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".toCharArray();
    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = i;
        }
    }

    private ModifiedUtf7() {
    }

    /** Encodes any Java string (UTF-16) into modified UTF-7. */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c >= 0x20 && c <= 0x7e) {
                out.append(c == '&' ? "&-" : String.valueOf(c));
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && (text.charAt(end) < 0x20 || text.charAt(end) > 0x7e)) {
                end++;
            }
            out.append('&');
            base64(text, i, end, out);
            out.append('-');
            i = end;
        }
        return out.toString();
    }

    private static void base64(String text, int from, int to, StringBuilder out) {
        int bits = 0;
        int buffer = 0;
        for (int i = from; i < to; i++) {
            buffer = (buffer << 16) | text.charAt(i);
            bits += 16;
            while (bits >= 6) {
                bits -= 6;
                out.append(ALPHABET[(buffer >> bits) & 0x3f]);
            }
            buffer &= (1 << bits) - 1;
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (6 - bits)) & 0x3f]);
        }
    }

    /**
     * Decodes modified UTF-7.
     *
     * @throws ProtocolException (BAD) if {@code wire} is not the canonical modified UTF-7 of some string
     */
    public static String decode(String wire) {
        StringBuilder out = new StringBuilder(wire.length());
        int i = 0;
        while (i < wire.length()) {
            char c = wire.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw invalid("non-ASCII character");
            }
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int dash = wire.indexOf('-', i + 1);
            if (dash < 0) {
                throw invalid("unterminated '&' shift");
            }
            if (dash == i + 1) {
                out.append('&');
            } else {
                decodeRun(wire, i + 1, dash, out);
            }
            i = dash + 1;
        }
        String decoded = out.toString();
        if (!encode(decoded).equals(wire)) {
            throw invalid("non-canonical encoding");
        }
        return decoded;
    }

    private static void decodeRun(String wire, int from, int to, StringBuilder out) {
        int start = out.length();
        int bits = 0;
        int buffer = 0;
        for (int i = from; i < to; i++) {
            char c = wire.charAt(i);
            int v = c < 128 ? VALUES[c] : -1;
            if (v < 0) {
                throw invalid("'" + c + "' in a BASE64 run");
            }
            buffer = (buffer << 6) | v;
            bits += 6;
            if (bits >= 16) {
                bits -= 16;
                out.append((char) ((buffer >> bits) & 0xffff));
                buffer &= (1 << bits) - 1;
            }
        }
        if (bits >= 6 || buffer != 0) {
            throw invalid("bad BASE64 padding");
        }
        for (int i = start; i < out.length(); i++) {
            char c = out.charAt(i);
            if (Character.isHighSurrogate(c)
                    ? i + 1 >= out.length() || !Character.isLowSurrogate(out.charAt(++i))
                    : Character.isLowSurrogate(c)) {
                throw invalid("unpaired surrogate");
            }
        }
    }

    private static ProtocolException invalid(String why) {
        return ProtocolException.bad("Invalid modified UTF-7 mailbox name: " + why);
    }
}
