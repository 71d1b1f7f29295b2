package io.quire.mail.mime;

import java.util.List;
import java.util.Optional;

/**
 * The IMAP ENVELOPE of a message (RFC 9051 §7.5.2): selected header fields, unfolded but not decoded.
 *
 * <p>Sender and Reply-To default to From when absent or empty, as the RFC requires; empty address lists are
 * written as NIL.
 *
 * @param date      the Date: field
 * @param subject   the Subject: field
 * @param from      From:
 * @param sender    Sender:, or From
 * @param replyTo   Reply-To:, or From
 * @param to        To:
 * @param cc        Cc:
 * @param bcc       Bcc:
 * @param inReplyTo In-Reply-To:
 * @param messageId Message-ID:
 */
public record Envelope(Optional<String> date, Optional<String> subject, List<Address> from, List<Address> sender,
                       List<Address> replyTo, List<Address> to, List<Address> cc, List<Address> bcc,
                       Optional<String> inReplyTo, Optional<String> messageId) {
    /** Copies the lists. */
    public Envelope {
        from = List.copyOf(from);
        sender = List.copyOf(sender);
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
    }

    /** Computes the envelope of a header block. */
    public static Envelope of(Headers headers) {
        List<Address> from = addresses(headers, "From");
        List<Address> sender = addresses(headers, "Sender");
        List<Address> replyTo = addresses(headers, "Reply-To");
        return new Envelope(headers.text("Date"), headers.text("Subject"), from,
                sender.isEmpty() ? from : sender, replyTo.isEmpty() ? from : replyTo,
                addresses(headers, "To"), addresses(headers, "Cc"), addresses(headers, "Bcc"),
                headers.text("In-Reply-To"), headers.text("Message-ID"));
    }

    private static List<Address> addresses(Headers headers, String name) {
        return headers.text(name).map(AddressParser::parse).orElse(List.of());
    }
}
