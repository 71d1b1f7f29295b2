package io.quire.mail.smtp.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Builds the header fields a receiving MTA adds: {@code Received:}, {@code Return-Path:} and {@code Delivered-To:}.
 */
final class TraceHeaders {

    /** RFC 5322 §3.3 date-time, in UTC with a numeric zone (the obsolete "GMT" form is not used). */
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.US).withZone(ZoneOffset.UTC);

    private TraceHeaders() {
    }

    /**
     * The {@code Received:} field, RFC 5321 §4.4:
     * {@code Stamp = From-domain By-domain Opt-info [CFWS] ";" FWS date-time}, folded as Postfix does. The
     * {@code for} clause names the recipient only when there is exactly one, so a Bcc recipient is never revealed
     * to the others (§7.2).
     */
    static byte[] received(String heloName, String addressLiteral, String serverName, String with, String id,
            List<String> recipients, Instant when) {
        var sb = new StringBuilder(256)
                .append("Received: from ").append(heloName).append(" (").append(addressLiteral).append(")\r\n")
                .append("\tby ").append(serverName).append(" (Quire) with ").append(with).append(" id ").append(id);
        if (recipients.size() == 1) {
            sb.append("\r\n\tfor <").append(recipients.get(0)).append('>');
        }
        sb.append("; ").append(DATE.format(when)).append("\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The per-recipient prefix: {@code Return-Path:} (RFC 5321 §4.4, "added by the final delivery SMTP server")
     * then {@code Delivered-To:} (the recipient this copy was delivered to, as Postfix and Dovecot write it; it also
     * lets a later hop detect mail loops).
     */
    static byte[] deliveryPrefix(String mailFrom, String recipient) {
        return ("Return-Path: <" + mailFrom + ">\r\nDelivered-To: " + recipient + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static String date(Instant when) {
        return DATE.format(when);
    }
}
