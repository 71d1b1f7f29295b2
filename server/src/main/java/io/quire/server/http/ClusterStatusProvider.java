package io.quire.server.http;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Supplies what {@code GET /api/v1/cluster} shows. Replication plugs its own in; a node without
 * replication uses {@link #standalone(String)}.
 */
@FunctionalInterface
public interface ClusterStatusProvider {
    /** The current status. Called on the event loop: answer from memory, never block. */
    ClusterStatus status();

    /** This node alone, with no peers. */
    static ClusterStatusProvider standalone(String node) {
        return () -> new ClusterStatus(node, List.of());
    }

    /** This node and its peers. */
    record ClusterStatus(String node, List<PeerStatus> peers) {
        public ClusterStatus {
            peers = List.copyOf(peers);
        }
    }

    /**
     * One peer as this node sees it.
     *
     * @param state      e.g. {@code connected}, {@code catching-up}, {@code unreachable}
     * @param lagCommits commits this node holds that the peer has not acknowledged
     * @param lagMillis  age of the oldest such commit
     */
    record PeerStatus(String name, String url, String state, long lagCommits, long lagMillis,
                      Optional<Instant> lastContact, Optional<String> lastError) {
    }
}
