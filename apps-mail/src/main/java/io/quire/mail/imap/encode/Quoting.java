package io.quire.mail.imap.encode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The choice between quoted string and literal, and the {@code date-time} form. */
final class Quoting {
    /** RFC 9051 §9 {@code date-time}: {@code dd-Mon-yyyy hh:mm:ss +zzzz}, day padded with a space. */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("ppd-MMM-yyyy HH:mm:ss xx", Locale.ROOT);

    private Quoting() {
    }

    /**
     * Whether {@code value} can be a quoted string (RFC 9051 §4.3): short, no CR, LF or NUL, and 7-bit unless
     * UTF8=ACCEPT is enabled and the octets are valid UTF-8 (RFC 6855 §3).
     */
    static boolean canQuote(byte[] value, boolean utf8) {
        if (value.length > ResponseWriter.MAX_QUOTED) {
            return false;
        }
        boolean eightBit = false;
        for (byte b : value) {
            if (b == 0 || b == '\r' || b == '\n') {
                return false;
            }
            eightBit |= b < 0;
        }
        return !eightBit || (utf8 && isUtf8(value));
    }

    static String dateTime(OffsetDateTime time) {
        return DATE_TIME.format(time);
    }

    private static boolean isUtf8(byte[] value) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(value));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
