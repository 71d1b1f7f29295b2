package io.quire.mail.imap.server;

import io.quire.mail.imap.protocol.ReceiverConfig;
import io.vertx.core.net.ServerSSLOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Settings of the IMAP listener.
 *
 * @param serverName     the host name in the greeting
 * @param host           the address to bind, e.g. {@code 127.0.0.1}
 * @param port           the plaintext port (STARTTLS when {@link #tls} allows it); 0 picks a free one
 * @param tls            certificate and TLS modes, or empty for none
 * @param plaintextLogin whether LOGIN and AUTHENTICATE PLAIN work before TLS; with TLS configured, turning this
 *                       off advertises LOGINDISABLED until STARTTLS (RFC 9051 §6.2.3)
 * @param limits         sizes, timeouts and connection counts
 * @param throttling     the delay after failed logins
 * @param bodyCacheOctets how many octets of parsed message bodies the server keeps for FETCH and SEARCH
 */
public record ImapOptions(String serverName, String host, int port, Optional<Tls> tls, boolean plaintextLogin, Limits limits,
                          Throttling throttling, long bodyCacheOctets) {

    /** Checks ranges. */
    public ImapOptions {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(throttling, "throttling");
        checkPort(port);
        if (bodyCacheOctets < 0) {
            throw new IllegalArgumentException("bodyCacheOctets must not be negative");
        }
    }

    /** Defaults: server name {@code localhost}, no TLS, plaintext login allowed, {@link Limits#DEFAULT}, {@link Throttling#DEFAULT}, 32 MiB cache. */
    public static ImapOptions defaults(String host, int port) {
        return new ImapOptions("localhost", host, port, Optional.empty(), true, Limits.DEFAULT, Throttling.DEFAULT,
                32L * 1024 * 1024);
    }

    /** A copy with TLS: STARTTLS on {@link #port}, and implicit TLS on {@code implicitPort} if given. */
    public ImapOptions withTls(ServerSSLOptions ssl, OptionalInt implicitPort) {
        return new ImapOptions(serverName, host, port, Optional.of(new Tls(ssl, true, implicitPort)), plaintextLogin,
                limits, throttling, bodyCacheOctets);
    }

    /** A copy that allows or forbids passwords before TLS. */
    public ImapOptions withPlaintextLogin(boolean allowed) {
        return new ImapOptions(serverName, host, port, tls, allowed, limits, throttling, bodyCacheOctets);
    }

    /** A copy with other limits. */
    public ImapOptions withLimits(Limits newLimits) {
        return new ImapOptions(serverName, host, port, tls, plaintextLogin, newLimits, throttling, bodyCacheOctets);
    }

    /** A copy with other login throttling. */
    public ImapOptions withThrottling(Throttling newThrottling) {
        return new ImapOptions(serverName, host, port, tls, plaintextLogin, limits, newThrottling, bodyCacheOctets);
    }

    /** A copy greeting with another host name. */
    public ImapOptions withServerName(String name) {
        return new ImapOptions(name, host, port, tls, plaintextLogin, limits, throttling, bodyCacheOctets);
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * TLS settings.
     *
     * @param ssl          key and certificate
     * @param starttls     whether the plaintext port offers STARTTLS
     * @param implicitPort a port speaking TLS from the first byte (RFC 8314 §3.3, "imaps"); 0 picks a free one
     */
    public record Tls(ServerSSLOptions ssl, boolean starttls, OptionalInt implicitPort) {
        /** Checks for nulls and the port range. */
        public Tls {
            Objects.requireNonNull(ssl, "ssl");
            Objects.requireNonNull(implicitPort, "implicitPort");
            implicitPort.ifPresent(ImapOptions::checkPort);
        }
    }

    /**
     * Sizes, timeouts and connection counts.
     *
     * @param receiver              line and literal limits and the literal mode (LITERAL+ / LITERAL-)
     * @param idleTimeout           how long a logged-in client may stay silent (RFC 9051 §5.4: at least 30 minutes)
     * @param preAuthTimeout        how long a client may stay silent before logging in
     * @param maxConnections        connections open at once; more get {@code * BYE [UNAVAILABLE]}
     * @param maxConnectionsPerUser sessions one user may have open at once; the next login gets {@code NO [LIMIT]}
     * @param preAuthLiteralOctets  the largest literal accepted before login (LOGIN arguments); a larger one ends the
     *                              connection, so an anonymous client cannot make the server buffer megabytes
     * @param maxBadCommands        malformed commands tolerated in a row before the connection is closed
     * @param idlePoll              how often an IDLE session also checks its mailbox without a store notification
     * @param workerThreads         threads running sessions' store work (IMAP's own pool, so clients that read slowly
     *                              cannot starve the rest of the node)
     * @param idleKeepalive         how often an IDLE session is sent {@code * OK Still here} when nothing else was
     *                              sent, so NAT tables and client watchdogs keep the silent connection open
     */
    public record Limits(ReceiverConfig receiver, Duration idleTimeout, Duration preAuthTimeout, int maxConnections,
                         int maxConnectionsPerUser, long preAuthLiteralOctets, int maxBadCommands, Duration idlePoll,
                         int workerThreads, Duration idleKeepalive) {
        /**
         * 64 KiB lines, 64 MiB APPEND, 30 min / 60 s idle, 1000 connections, 20 per user, 8 KiB pre-auth literals,
         * 20 malformed commands in a row, IDLE poll every 30 s, 32 worker threads, IDLE keepalive every 2 min.
         *
         * <p>The 30 minutes apply in IDLE too: RFC 2177 §3 lets a server log out an idling client after its
         * inactivity timeout and tells clients to re-issue IDLE every 29 minutes, and RFC 9051 §5.4 asks for at
         * least 30 minutes otherwise. Keepalives are server output, so they do not reset the clock.
         */
        public static final Limits DEFAULT = new Limits(ReceiverConfig.DEFAULT, Duration.ofMinutes(30),
                Duration.ofSeconds(60), 1000, 20, 8 * 1024, 20, Duration.ofSeconds(30), 32, Duration.ofMinutes(2));

        /** Checks ranges. */
        public Limits {
            Objects.requireNonNull(receiver, "receiver");
            if (idleTimeout.isNegative() || idleTimeout.isZero() || preAuthTimeout.isNegative()
                    || preAuthTimeout.isZero() || idlePoll.isNegative() || idlePoll.isZero()
                    || idleKeepalive.isNegative() || idleKeepalive.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            if (maxConnections < 1 || maxConnectionsPerUser < 1 || maxBadCommands < 1 || preAuthLiteralOctets < 0
                    || workerThreads < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }

        /** Limits with the default IDLE keepalive (2 minutes). */
        public Limits(ReceiverConfig receiver, Duration idleTimeout, Duration preAuthTimeout, int maxConnections,
                      int maxConnectionsPerUser, long preAuthLiteralOctets, int maxBadCommands, Duration idlePoll,
                      int workerThreads) {
            this(receiver, idleTimeout, preAuthTimeout, maxConnections, maxConnectionsPerUser, preAuthLiteralOctets,
                    maxBadCommands, idlePoll, workerThreads, Duration.ofMinutes(2));
        }

        /** A copy with another IDLE keepalive interval. */
        public Limits withIdleKeepalive(Duration interval) {
            return new Limits(receiver, idleTimeout, preAuthTimeout, maxConnections, maxConnectionsPerUser,
                    preAuthLiteralOctets, maxBadCommands, idlePoll, workerThreads, interval);
        }

        /** A copy with other idle timeouts. */
        public Limits withTimeouts(Duration idle, Duration preAuth) {
            return new Limits(receiver, idle, preAuth, maxConnections, maxConnectionsPerUser, preAuthLiteralOctets,
                    maxBadCommands, idlePoll, workerThreads, idleKeepalive);
        }

        /** A copy with other connection limits. */
        public Limits withConnections(int max, int perUser) {
            return new Limits(receiver, idleTimeout, preAuthTimeout, max, perUser, preAuthLiteralOctets,
                    maxBadCommands, idlePoll, workerThreads, idleKeepalive);
        }

        /** A copy with other receiver limits. */
        public Limits withReceiver(ReceiverConfig config) {
            return new Limits(config, idleTimeout, preAuthTimeout, maxConnections, maxConnectionsPerUser,
                    preAuthLiteralOctets, maxBadCommands, idlePoll, workerThreads, idleKeepalive);
        }
    }

    /**
     * Failed-login throttling per client address.
     *
     * @param baseDelay   the delay after the first failure, doubling with each further one; zero for none
     * @param maxDelay    the longest delay
     * @param window      how long failures are remembered
     * @param maxFailures failures within the window after which the address is refused outright
     */
    public record Throttling(Duration baseDelay, Duration maxDelay, Duration window, int maxFailures) {
        /** 250 ms doubling up to 8 s; 20 failures per 15 minutes. */
        public static final Throttling DEFAULT =
                new Throttling(Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofMinutes(15), 20);

        /** Checks ranges. */
        public Throttling {
            if (baseDelay.isNegative() || maxDelay.isNegative() || window.isNegative() || maxFailures < 1) {
                throw new IllegalArgumentException("invalid throttling");
            }
        }
    }
}
