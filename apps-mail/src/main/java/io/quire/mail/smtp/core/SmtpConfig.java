package io.quire.mail.smtp.core;

import java.time.Clock;
import java.util.Objects;

/**
 * The settings of one receiving session: dialect, our host name and limits.
 *
 * @param protocol SMTP or LMTP
 * @param serverName our host name, used in the greeting, the EHLO reply and {@code Received: ... by}
 * @param maxMessageSize the largest message accepted, in octets of dot-unstuffed data (advertised as
 *     {@code SIZE}, RFC 1870)
 * @param maxRecipients the most recipients per transaction; more get {@code 452 4.5.3} (RFC 5321 §4.5.3.1.10
 *     requires accepting at least 100)
 * @param tlsAvailable whether STARTTLS (RFC 3207) is offered
 * @param maxErrors how many failed commands a client may send before we hang up with {@code 421}, so a confused
 *     or hostile client cannot keep a connection busy forever
 * @param clock where the {@code Received:} date and {@link io.quire.mail.delivery.Envelope#received()} come from;
 *     a parameter so the sans-IO core stays deterministic in tests
 */
public record SmtpConfig(Protocol protocol, String serverName, long maxMessageSize, int maxRecipients,
        boolean tlsAvailable, int maxErrors, Clock clock) {

    /** Default message size limit: 25 MiB, a common public MX limit. */
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 25L * 1024 * 1024;
    /** Default recipient limit: RFC 5321 §4.5.3.1.8's minimum of 100. */
    public static final int DEFAULT_MAX_RECIPIENTS = 100;
    /** Default error limit, as Postfix's {@code smtpd_hard_error_limit}. */
    public static final int DEFAULT_MAX_ERRORS = 20;

    /** Validates the limits and the server name. */
    public SmtpConfig {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(clock, "clock");
        if (serverName == null || !serverName.matches("[A-Za-z0-9][A-Za-z0-9.-]*")) {
            throw new IllegalArgumentException("server name must be a host name: " + serverName);
        }
        if (maxMessageSize < 1 || maxMessageSize > Integer.MAX_VALUE - 64 * 1024) {
            throw new IllegalArgumentException("maxMessageSize out of range: " + maxMessageSize);
        }
        if (maxRecipients < 1) {
            throw new IllegalArgumentException("maxRecipients must be positive");
        }
        if (maxErrors < 1) {
            throw new IllegalArgumentException("maxErrors must be positive");
        }
    }

    /** Defaults for the given dialect and host name, with the system clock and no TLS. */
    public static SmtpConfig defaults(Protocol protocol, String serverName) {
        return new SmtpConfig(protocol, serverName, DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_MAX_RECIPIENTS, false,
                DEFAULT_MAX_ERRORS, Clock.systemUTC());
    }

    /** A copy with another size limit. */
    public SmtpConfig withMaxMessageSize(long size) {
        return new SmtpConfig(protocol, serverName, size, maxRecipients, tlsAvailable, maxErrors, clock);
    }

    /** A copy with another recipient limit. */
    public SmtpConfig withMaxRecipients(int max) {
        return new SmtpConfig(protocol, serverName, maxMessageSize, max, tlsAvailable, maxErrors, clock);
    }

    /** A copy that does or does not offer STARTTLS. */
    public SmtpConfig withTls(boolean available) {
        return new SmtpConfig(protocol, serverName, maxMessageSize, maxRecipients, available, maxErrors, clock);
    }

    /** A copy with another clock. */
    public SmtpConfig withClock(Clock c) {
        return new SmtpConfig(protocol, serverName, maxMessageSize, maxRecipients, tlsAvailable, maxErrors, c);
    }
}
