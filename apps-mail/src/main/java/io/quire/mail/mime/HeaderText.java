package io.quire.mail.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns raw header octets into text without decoding encoded-words (IMAP passes those through).
 *
 * <p>Header fields should be 7-bit (RFC 5322) or UTF-8 (RFC 6532); real mail also carries raw Latin-1 and
 * other 8-bit charsets. Octets are read as UTF-8 when they are valid UTF-8 and as ISO-8859-1 otherwise, so
 * no octet is ever lost or turned into U+FFFD.
 */
public final class HeaderText {
    private HeaderText() {
    }

    /** Unfolds {@code [from, to)}: drops CR and LF, keeps the folding blanks, trims both ends. */
    public static String unfold(byte[] b, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] != '\r' && b[i] != '\n') {
                out[n++] = b[i];
            }
        }
        int s = 0;
        while (s < n && isBlank(out[s])) {
            s++;
        }
        while (n > s && isBlank(out[n - 1])) {
            n--;
        }
        return decode(out, s, n);
    }

    /** Decodes octets as UTF-8 if valid, else as ISO-8859-1. */
    public static String decode(byte[] b, int from, int to) {
        boolean ascii = true;
        for (int i = from; i < to && ascii; i++) {
            ascii = b[i] >= 0;
        }
        if (ascii) {
            return new String(b, from, to - from, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
    }

    static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }
}
