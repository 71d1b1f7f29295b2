package io.quire.mail.smtp;

import io.vertx.core.net.ServerSSLOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of an SMTP or LMTP listener.
 *
 * @param host the address to bind, e.g. {@code 127.0.0.1}
 * @param port the port to bind; 0 picks a free one (see {@link ReceiverServer#port()})
 * @param serverName our host name, for the greeting and {@code Received:} fields
 * @param maxMessageSize the largest message accepted, in octets; also the most memory one connection holds
 * @param maxRecipients the most recipients per transaction (at least 100 per RFC 5321 §4.5.3.1.8)
 * @param idleTimeout how long a client may stay silent; RFC 5321 §4.5.3.2.7 asks for at least 5 minutes
 * @param maxConnections how many connections may be open at once; more get {@code 421 4.7.0}
 * @param tls key and certificate for STARTTLS (RFC 3207), or empty to not offer it
 */
public record ReceiverOptions(String host, int port, String serverName, long maxMessageSize, int maxRecipients,
        Duration idleTimeout, int maxConnections, Optional<ServerSSLOptions> tls) {

    /** Checks ranges. */
    public ReceiverOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(tls, "tls");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive");
        }
    }

    /** Defaults: 25 MiB messages, 100 recipients, 5 minutes idle, 100 connections, no TLS. */
    public static ReceiverOptions defaults(String host, int port, String serverName) {
        return new ReceiverOptions(host, port, serverName, 25L * 1024 * 1024, 100, Duration.ofMinutes(5), 100,
                Optional.empty());
    }

    /** A copy with another message size limit. */
    public ReceiverOptions withMaxMessageSize(long size) {
        return new ReceiverOptions(host, port, serverName, size, maxRecipients, idleTimeout, maxConnections, tls);
    }

    /** A copy with another recipient limit. */
    public ReceiverOptions withMaxRecipients(int max) {
        return new ReceiverOptions(host, port, serverName, maxMessageSize, max, idleTimeout, maxConnections, tls);
    }

    /** A copy with another idle timeout. */
    public ReceiverOptions withIdleTimeout(Duration timeout) {
        return new ReceiverOptions(host, port, serverName, maxMessageSize, maxRecipients, timeout, maxConnections,
                tls);
    }

    /** A copy with another connection limit. */
    public ReceiverOptions withMaxConnections(int max) {
        return new ReceiverOptions(host, port, serverName, maxMessageSize, maxRecipients, idleTimeout, max, tls);
    }

    /** A copy that offers STARTTLS with this key and certificate. */
    public ReceiverOptions withTls(ServerSSLOptions ssl) {
        return new ReceiverOptions(host, port, serverName, maxMessageSize, maxRecipients, idleTimeout,
                maxConnections, Optional.of(ssl));
    }
}
