package io.quire.mail.mbox;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code From_} line that starts each mbox message: {@code From <envelope-sender> <date>}.
 *
 * <p>The date is in {@code ctime(3)} form, {@code Thu Aug 22 12:36:23 2002}; RFC 4155 §2 says it is UTC. Some
 * writers add a zone name or numeric offset before or after the year; numeric offsets are honoured, names are
 * ignored (they are ambiguous) and the time taken as UTC.
 */
public final class FromLine {

    private static final Pattern DATE = Pattern.compile(
            "\\s((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\s+(\\d{1,2})"
            + "\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s+(?:([A-Za-z]{1,5}|[+-]\\d{4})\\s+)?(\\d{4})"
            + "(?:\\s+([A-Za-z]{1,5}|[+-]\\d{4}))?)\\s*$");
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private static final DateTimeFormatter CTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC);

    private FromLine() {
    }

    /** Whether a line (without its line end) starts a message. */
    static boolean isSeparator(String line) {
        return line.startsWith("From ");
    }

    /** The date of a {@code From_} line (without its line end), if it has a recognisable one. */
    public static Optional<Instant> date(String line) {
        Matcher m = DATE.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            int month = MONTHS.indexOf(m.group(2)) / 3 + 1;
            var local = LocalDateTime.of(Integer.parseInt(m.group(8)), month, Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            String zone = m.group(9) != null ? m.group(9) : m.group(7);
            ZoneId offset = zone != null && (zone.startsWith("+") || zone.startsWith("-"))
                    ? ZoneOffset.of(zone.substring(0, 3) + ":" + zone.substring(3)) : ZoneOffset.UTC;
            return Optional.of(local.atZone(offset).toInstant());
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Formats {@code From <sender> <ctime date in UTC>}, without line end. */
    public static String format(String sender, Instant date) {
        return "From " + sender + " " + CTIME.format(date);
    }
}
