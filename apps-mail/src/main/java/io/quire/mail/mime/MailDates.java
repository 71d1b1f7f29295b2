package io.quire.mail.mime;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A lenient parser for the Date: field (RFC 5322 §3.3 with the obsolete forms of §4.3), for SORT and
 * SENTBEFORE/SENTON/SENTSINCE. Also reads asctime-style dates ({@code Thu Aug 22 12:36:23 2002}) found in
 * old mail. Anything it cannot read is empty, never an exception.
 */
public final class MailDates {
    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private MailDates() {
    }

    /** Parses a Date: field value. */
    public static Optional<OffsetDateTime> parse(String value) {
        List<String> tokens = tokens(value);
        if (!tokens.isEmpty() && tokens.getFirst().length() >= 3 && Character.isLetter(tokens.getFirst().charAt(0))
                && month(tokens.getFirst()) < 0) {
            tokens.removeFirst();
        }
        try {
            if (tokens.size() >= 3 && month(tokens.get(0)) >= 0) {
                // asctime: Aug 22 12:36:23 2002 [zone]
                return build(tokens.get(1), tokens.get(0), tokens.size() > 3 ? tokens.get(3) : "", tokens.get(2),
                        tokens.size() > 4 ? tokens.get(4) : "");
            }
            if (tokens.size() >= 4) {
                return build(tokens.get(0), tokens.get(1), tokens.get(2), tokens.get(3),
                        tokens.size() > 4 ? tokens.get(4) : "");
            }
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<OffsetDateTime> build(String day, String monthName, String yearText, String time,
                                                  String zone) {
        int month = month(monthName);
        if (month < 0 || !digits(day) || !digits(yearText)) {
            return Optional.empty();
        }
        int year = Integer.parseInt(yearText);
        // RFC 5322 §4.3: two-digit years 00-49 are 2000-2049, 50-99 and three digits add 1900.
        if (yearText.length() == 2) {
            year += year < 50 ? 2000 : 1900;
        } else if (yearText.length() == 3) {
            year += 1900;
        }
        String[] hms = time.split(":");
        if (hms.length < 2 || hms.length > 3) {
            return Optional.empty();
        }
        int seconds = hms.length == 3 ? Integer.parseInt(hms[2]) : 0;
        return Optional.of(OffsetDateTime.of(year, month + 1, Integer.parseInt(day), Integer.parseInt(hms[0]),
                Integer.parseInt(hms[1]), Math.min(seconds, 59), 0, zone(zone)));
    }

    private static ZoneOffset zone(String z) {
        if (z.length() == 5 && (z.charAt(0) == '+' || z.charAt(0) == '-') && digits(z.substring(1))) {
            int h = Integer.parseInt(z.substring(1, 3));
            int m = Integer.parseInt(z.substring(3, 5));
            int sign = z.charAt(0) == '-' ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * h, sign * m);
        }
        // RFC 5322 §4.3 obs-zone; military zones and unknown names mean -0000, i.e. UTC.
        return switch (z.toUpperCase(Locale.ROOT)) {
            case "EDT" -> ZoneOffset.ofHours(-4);
            case "EST", "CDT" -> ZoneOffset.ofHours(-5);
            case "CST", "MDT" -> ZoneOffset.ofHours(-6);
            case "MST", "PDT" -> ZoneOffset.ofHours(-7);
            case "PST" -> ZoneOffset.ofHours(-8);
            default -> ZoneOffset.UTC;
        };
    }

    private static int month(String name) {
        return name.length() >= 3 ? MONTHS.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT)) : -1;
    }

    private static boolean digits(String s) {
        return !s.isEmpty() && s.length() <= 4 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Splits on blanks and commas, dropping comments; {@code 22-Aug-2002} style dashes split too. */
    private static List<String> tokens(String value) {
        String s = value.replaceAll("\\([^)]*\\)", " ").replace(',', ' ');
        List<String> out = new ArrayList<>();
        for (String t : s.trim().split("\\s+")) {
            if (t.isEmpty()) {
                continue;
            }
            if (t.matches("\\d{1,2}-[A-Za-z]{3}-\\d{2,4}")) {
                out.addAll(List.of(t.split("-")));
            } else {
                out.add(t);
            }
        }
        return out;
    }
}
