package io.quire.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.sdk.remote.Wire;

/**
 * Supplies what {@code GET /api/v1/cluster} shows: {@code {"node": ..., "peers": [...]}}.
 * Replication plugs its own in; a node without replication uses {@link #standalone(String)}.
 * Called on a worker thread (it may walk commits to measure lag).
 */
@FunctionalInterface
public interface ClusterStatusProvider {
    ObjectNode status();

    /** This node alone, with no peers. */
    static ClusterStatusProvider standalone(String node) {
        return () -> {
            ObjectNode out = Wire.object().put("node", node);
            out.putArray("peers");
            return out;
        };
    }
}
