package io.quire.server.boot;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.server.http.HttpSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node's configuration (INTERFACES.md, "Configuration"), checked: every value here is valid.
 * Read it with {@link NodeConfigParser}; {@link #defaults()} is what {@code quire start} uses
 * without {@code --config}.
 *
 * @param node        this node's name, unique in the cluster
 * @param dataDir     where databases, the admin token and app state live (relative: to the working directory)
 * @param http        where the HTTP API listens
 * @param adminToken  the configured token; when empty, one is generated once and kept in {@code dataDir}
 * @param cluster     peers and their shared secret; empty for a single node
 * @param mail        the mail app's settings; empty to run without mail
 * @param appSections each app's configuration section as written (with defaults filled in), by app name
 * @param limits      request limits
 */
public record NodeConfig(String node, Path dataDir, HostPort http, Optional<String> adminToken,
                         Optional<Cluster> cluster, Optional<Mail> mail, Map<String, JsonNode> appSections,
                         Limits limits) {
    public NodeConfig {
        appSections = Map.copyOf(appSections);
    }

    /**
     * Peers and their shared secret; with {@code tls}, this node serves HTTPS with its certificate
     * and trusts the peers' certificates (or their CA) from {@code trust}. {@code pruneHold}: how
     * long a peer that confirms nothing may hold back pruning (docs/replication.md §5).
     */
    public record Cluster(String secret, List<Peer> peers, Optional<PeerTls> tls, Duration pruneHold) {
        /** Default of {@code cluster.pruneHoldHours}: a week. */
        public static final Duration DEFAULT_PRUNE_HOLD = Duration.ofHours(168);

        public Cluster {
            peers = List.copyOf(peers);
        }

        public Cluster(String secret, List<Peer> peers, Optional<PeerTls> tls) {
            this(secret, peers, tls, DEFAULT_PRUNE_HOLD);
        }

        public Cluster(String secret, List<Peer> peers) {
            this(secret, peers, Optional.empty());
        }
    }

    /** This node's certificate and key, and the PEM certificates it trusts for its peers. */
    public record PeerTls(Path certificate, Path key, Path trust) {
    }

    public record Peer(String name, URI url) {
    }

    /**
     * The mail app's listeners and the domains it accepts mail for.
     *
     * @param tls certificate and key (PEM files) for STARTTLS; empty for plain text only
     */
    public record Mail(HostPort imap, HostPort lmtp, HostPort smtp, List<String> domains, Optional<Tls> tls) {
        public Mail {
            domains = List.copyOf(domains);
        }
    }

    public record Tls(Path certificate, Path key) {
    }

    /**
     * @param maxBodyBytes      largest accepted request body
     * @param maxLongPollMillis longest a long-poll may wait
     */
    public record Limits(long maxBodyBytes, long maxLongPollMillis) {
        public static final Limits DEFAULT = new Limits(HttpSettings.DEFAULT_MAX_BODY_BYTES,
                HttpSettings.DEFAULT_MAX_LONG_POLL_MILLIS);
    }

    /** One node on this machine: data in {@code ./data}, HTTP on 127.0.0.1:8080, mail on its usual test ports. */
    public static NodeConfig defaults() {
        try {
            return NodeConfigParser.parse("{}", "(defaults)", true);
        } catch (ConfigException e) {
            throw new IllegalStateException("the embedded defaults are valid", e);
        }
    }

    /** The settings the HTTP API runs with, given the effective admin token. */
    public HttpSettings httpSettings(String token) {
        return new HttpSettings(http.host(), http.port(), node, token, limits.maxBodyBytes(),
                limits.maxLongPollMillis(), HttpSettings.DEFAULT_HEARTBEAT_MILLIS);
    }

    /** The URL a local client uses to reach the HTTP API. */
    public URI httpUrl() {
        return URI.create("http://" + http.connectHost() + ":" + http.port());
    }
}
