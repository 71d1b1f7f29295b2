package io.quire.mail.imap.handler;

import io.quire.mail.imap.protocol.ReceiverConfig;
import java.util.Objects;

/**
 * The server settings handlers need: what to advertise and what to allow.
 *
 * @param serverName           the host name in the greeting
 * @param starttls             whether STARTTLS can be offered (a certificate is configured)
 * @param plaintextLogin       whether LOGIN and AUTHENTICATE PLAIN are allowed without TLS; when not, the
 *                             capability list says LOGINDISABLED (RFC 9051 §6.2.3)
 * @param literalMode          which non-synchronizing literals the receiver accepts (LITERAL+ or LITERAL-)
 * @param appendLimit          the largest message APPEND accepts, in octets (APPENDLIMIT, RFC 7889)
 */
public record HandlerConfig(String serverName, boolean starttls, boolean plaintextLogin,
                            ReceiverConfig.LiteralMode literalMode, long appendLimit) {
    /** Checks for nulls. */
    public HandlerConfig {
        Objects.requireNonNull(serverName);
        Objects.requireNonNull(literalMode);
    }
}
