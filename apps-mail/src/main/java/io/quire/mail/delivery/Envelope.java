package io.quire.mail.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The SMTP/LMTP envelope of one received message: who sent it, for whom, and from where.
 *
 * @param mailFrom the reverse-path of {@code MAIL FROM}, without angle brackets; empty for the null sender
 *     {@code <>} used by bounces (RFC 5321 §4.5.5)
 * @param recipients the accepted forward-paths, in RCPT order, without duplicates; never empty
 * @param heloName the name the client gave in HELO, EHLO or LHLO
 * @param remoteAddress the client's IP address, e.g. {@code 127.0.0.1} or {@code ::1}
 * @param utf8 whether the client used the {@code SMTPUTF8} parameter (RFC 6531), so addresses and header fields
 *     may hold UTF-8
 * @param received when the end of the message data arrived
 */
public record Envelope(String mailFrom, List<String> recipients, String heloName, String remoteAddress,
        boolean utf8, Instant received) {

    /** Copies the recipient list and checks that nothing is missing. */
    public Envelope {
        Objects.requireNonNull(mailFrom, "mailFrom");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an envelope needs at least one recipient");
        }
        Objects.requireNonNull(heloName, "heloName");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(received, "received");
    }

    /** Whether this is a bounce or other notification with the null reverse-path {@code <>}. */
    public boolean nullSender() {
        return mailFrom.isEmpty();
    }
}
