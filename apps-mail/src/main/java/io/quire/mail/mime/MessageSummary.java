package io.quire.mail.mime;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * The header facts SEARCH, SORT (RFC 5256) and THREAD need, computed once per message so they can be
 * stored or cached next to it.
 *
 * @param from           From: addresses
 * @param to             To: addresses
 * @param cc             Cc: addresses
 * @param bcc            Bcc: addresses
 * @param subject        Subject: as written (encoded-words intact)
 * @param decodedSubject Subject: with RFC 2047 encoded-words decoded (by mime4j), for sorting and search
 * @param date           the parsed Date: field, if readable
 * @param messageId      Message-ID:
 * @param inReplyTo      In-Reply-To:
 * @param references     the message-ids in References:, in order
 * @param size           the message size in octets (RFC822.SIZE)
 * @param bodyOffset     where the body starts: the header block's length, blank line included
 */
public record MessageSummary(List<Address> from, List<Address> to, List<Address> cc, List<Address> bcc,
                             Optional<String> subject, Optional<String> decodedSubject, Optional<OffsetDateTime> date,
                             Optional<String> messageId, Optional<String> inReplyTo, List<String> references,
                             long size, int bodyOffset) {
    /** Copies the lists. */
    public MessageSummary {
        from = List.copyOf(from);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        references = List.copyOf(references);
    }

    /** Summarises a message from its octets. */
    public static MessageSummary of(byte[] message) {
        return of(Headers.parse(message, 0, message.length), message.length);
    }

    static MessageSummary of(Headers h, long size) {
        Optional<String> subject = h.text("Subject");
        return new MessageSummary(addresses(h, "From"), addresses(h, "To"), addresses(h, "Cc"), addresses(h, "Bcc"),
                subject, subject.map(s -> DecoderUtil.decodeEncodedWords(s, DecodeMonitor.SILENT)),
                h.text("Date").flatMap(MailDates::parse), h.text("Message-ID"), h.text("In-Reply-To"),
                messageIds(h.text("References").orElse("")), size, h.bodyStart() - h.start());
    }

    private static List<Address> addresses(Headers h, String name) {
        return h.text(name).map(AddressParser::parse).orElse(List.of());
    }

    /**
     * The {@code <...>} message-ids of a References: field (RFC 5322 §3.6.4), junk between them
     * ignored, folding whitespace inside an id removed and empty {@code <>} skipped (THREAD compares
     * ids as strings, RFC 5256 §2.2).
     */
    public static List<String> messageIds(String value) {
        List<String> ids = new ArrayList<>();
        int i = 0;
        while ((i = value.indexOf('<', i)) >= 0) {
            int end = value.indexOf('>', i);
            if (end < 0) {
                break;
            }
            String id = value.substring(i, end + 1).replaceAll("\\s+", "");
            if (id.length() > 2) ids.add(id);
            i = end + 1;
        }
        return ids;
    }
}
