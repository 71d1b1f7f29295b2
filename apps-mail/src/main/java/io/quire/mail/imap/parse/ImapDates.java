package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.ProtocolException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The two date productions of RFC 9051 §9.
 *
 * <pre>
 * date           = date-text / DQUOTE date-text DQUOTE
 * date-text      = date-day "-" date-month "-" date-year         ; date-day = 1*2DIGIT
 * date-time      = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE
 * date-day-fixed = (SP DIGIT) / 2DIGIT
 * zone           = ("+" / "-") 4DIGIT
 * </pre>
 */
public final class ImapDates {
    private static final String[] MONTHS =
            {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

    private ImapDates() {
    }

    /** Parses a SEARCH {@code date-text}, e.g. {@code 1-Feb-1994}. */
    public static LocalDate parseDate(String text) {
        String[] parts = text.split("-", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[0].length() > 2 || parts[2].length() != 4) {
            throw ProtocolException.bad("Invalid date, expected d-Mon-yyyy: " + Arguments.abbreviate(text));
        }
        try {
            return LocalDate.of(digits(parts[2], text), month(parts[1], text), digits(parts[0], text));
        } catch (DateTimeException e) {
            throw ProtocolException.bad("Invalid date: " + Arguments.abbreviate(text));
        }
    }

    /**
     * Parses an APPEND {@code date-time}, e.g. {@code 17-Jul-1996 02:44:25 -0700}; a one-digit day without
     * the leading space is accepted too.
     */
    public static OffsetDateTime parseDateTime(String text) {
        String s = text.startsWith(" ") ? text.substring(1) : text;
        String[] fields = s.split(" ", -1);
        if (fields.length != 3 || fields[1].length() != 8 || fields[2].length() != 5) {
            throw invalidDateTime(text);
        }
        LocalDate day = parseDate(fields[0]);
        String[] hms = fields[1].split(":", -1);
        String zone = fields[2];
        if (hms.length != 3 || (zone.charAt(0) != '+' && zone.charAt(0) != '-')) {
            throw invalidDateTime(text);
        }
        try {
            int zh = digits(zone.substring(1, 3), text);
            int zm = digits(zone.substring(3, 5), text);
            int sign = zone.charAt(0) == '-' ? -1 : 1;
            ZoneOffset offset = ZoneOffset.ofHoursMinutes(sign * zh, sign * zm);
            return OffsetDateTime.of(day.getYear(), day.getMonthValue(), day.getDayOfMonth(),
                    digits(hms[0], text), digits(hms[1], text), digits(hms[2], text), 0, offset);
        } catch (DateTimeException e) {
            throw invalidDateTime(text);
        }
    }

    private static ProtocolException invalidDateTime(String text) {
        return ProtocolException.bad("Invalid date-time, expected \"dd-Mon-yyyy hh:mm:ss +zzzz\": "
                + Arguments.abbreviate(text));
    }

    private static int month(String name, String text) {
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equalsIgnoreCase(name)) {
                return i + 1;
            }
        }
        throw ProtocolException.bad("Invalid month in date: " + Arguments.abbreviate(text));
    }

    private static int digits(String s, String text) {
        if (s.isEmpty()) {
            throw ProtocolException.bad("Invalid date: " + Arguments.abbreviate(text));
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw ProtocolException.bad("Invalid date: " + Arguments.abbreviate(text));
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
