package io.quire.mail.imap.protocol;

import java.util.Optional;

/**
 * A line, a literal or a whole command exceeded a {@link ReceiverConfig} limit.
 *
 * <p>The session answers with a tagged {@code BAD [TOOBIG]} (RFC 7888) or {@code NO [TOOBIG]}
 * (RFC 7889 for APPEND) and may close the connection. The receiver skips the rest of the command: it
 * discards non-synchronizing literal data the client is sending anyway, and for a synchronizing literal it
 * relies on the client not sending data it was never invited to send.
 *
 * @param tag     the tag, if one was read
 * @param kind    which limit was hit
 * @param limit   the limit in octets
 * @param message a human-readable reason
 */
public record TooBig(Optional<Tag> tag, Kind kind, long limit, String message) implements ReceiverEvent {
    /** Which limit was exceeded. */
    public enum Kind {
        /** {@link ReceiverConfig#maxLineBytes()}. */
        LINE,
        /** A single literal, including the LITERAL- 4096-octet rule for non-synchronizing literals. */
        LITERAL,
        /** {@link ReceiverConfig#maxRequestBytes()}, the sum over one command. */
        REQUEST
    }
}
