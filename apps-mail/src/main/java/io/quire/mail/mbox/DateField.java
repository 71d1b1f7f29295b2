package io.quire.mail.mbox;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** The {@code Date:} field of a message, for when an mbox {@code From_} line has no usable date. */
final class DateField {

    private DateField() {
    }

    /**
     * The message's {@code Date:} (RFC 5322 §3.3) if it parses: comments dropped, day name optional, numeric zone
     * or {@code GMT}/{@code UT}. Obsolete zone names other than those are not guessed at.
     */
    static Optional<Instant> parse(byte[] raw) {
        for (String[] field : HeaderFields.of(raw)) {
            if (field[0].equalsIgnoreCase("date")) {
                String value = field[1].replaceAll("\\([^)]*\\)", " ").replaceAll("\\s+", " ").trim()
                        .replaceFirst(" (UT|UTC)$", " GMT");
                try {
                    return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME
                            .withLocale(Locale.US)).toInstant());
                } catch (DateTimeParseException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
