package io.quire.mail.mime;

import java.util.List;
import java.util.Optional;

/**
 * One entity of a parsed message, located by offsets into the message octets.
 *
 * <p>A message is an entity; a multipart entity has {@link #children()}; a {@code message/rfc822} entity has
 * the encapsulated {@link #message()}. The octets {@code [headers.bodyStart, end)} are the entity's body
 * exactly as {@code BODY[n]} returns it, and {@code end - bodyStart} is the size reported in
 * BODYSTRUCTURE, so the two always agree.
 *
 * @param headers  the entity's header block
 * @param end      offset just after the entity's last octet (before the CRLF that belongs to the next
 *                 boundary, RFC 2046 §5.1.1)
 * @param type     the effective content type (defaults applied, unexpandable structures downgraded)
 * @param encoding the Content-Transfer-Encoding token, lower-cased, {@code 7bit} by default
 * @param children the body parts of a multipart, else empty
 * @param message  the encapsulated message of a message/rfc822 entity, else empty
 */
public record MimePart(Headers headers, int end, MediaType type, String encoding, List<MimePart> children,
                       Optional<MimePart> message) {
    /** Copies the children. */
    public MimePart {
        children = List.copyOf(children);
    }

    /** Offset of the entity's first octet. */
    public int start() {
        return headers.start();
    }

    /** Offset of the body. */
    public int bodyStart() {
        return headers.bodyStart();
    }

    /** The body size in octets. */
    public int bodySize() {
        return end - headers.bodyStart();
    }

    /** Whether this entity has body parts. */
    public boolean isMultipart() {
        return !children.isEmpty();
    }

    /**
     * Lines in the body, as BODYSTRUCTURE reports for text and message parts: the number of line breaks,
     * plus one for a last line without one.
     */
    public long bodyLines() {
        byte[] b = headers.message();
        long lines = 0;
        for (int i = bodyStart(); i < end; i++) {
            if (b[i] == '\n') {
                lines++;
            }
        }
        return end > bodyStart() && b[end - 1] != '\n' ? lines + 1 : lines;
    }
}
