package io.quire.mail.imap.protocol;

import java.util.Optional;

/**
 * Decides whether an announced literal is accepted, by the literal mode (RFC 7888) and the size limits of
 * {@link ReceiverConfig}.
 */
final class LiteralPolicy {
    private LiteralPolicy() {
    }

    /**
     * The event refusing the literal, or empty when it is accepted.
     *
     * @param requestSoFar octets of the command received before the literal
     */
    static Optional<ReceiverEvent> refusal(ReceiverConfig config, Tag tag, String command, long size, boolean nonSync,
                                           long requestSoFar) {
        if (nonSync && config.literalMode() == ReceiverConfig.LiteralMode.SYNC_ONLY) {
            return Optional.of(new Bad(Optional.of(tag), "Non-synchronizing literals are not supported"));
        }
        if (nonSync && config.literalMode() == ReceiverConfig.LiteralMode.LITERAL_MINUS
                && size > ReceiverConfig.LITERAL_MINUS_MAX) {
            return Optional.of(new TooBig(Optional.of(tag), TooBig.Kind.LITERAL, ReceiverConfig.LITERAL_MINUS_MAX,
                    "Non-synchronizing literal exceeds " + ReceiverConfig.LITERAL_MINUS_MAX + " octets (LITERAL-)"));
        }
        long limit = config.literalLimitFor(command);
        if (size > limit) {
            return Optional.of(new TooBig(Optional.of(tag), TooBig.Kind.LITERAL, limit,
                    "Literal exceeds " + limit + " octets"));
        }
        if (requestSoFar + size > config.maxRequestBytes()) {
            return Optional.of(new TooBig(Optional.of(tag), TooBig.Kind.REQUEST, config.maxRequestBytes(),
                    "Command exceeds " + config.maxRequestBytes() + " octets"));
        }
        return Optional.empty();
    }
}
