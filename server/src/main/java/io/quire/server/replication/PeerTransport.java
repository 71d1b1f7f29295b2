package io.quire.server.replication;

import io.quire.server.store.GitDatabase;
import java.io.IOException;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * How this node talks to a peer. The HTTP implementation speaks Git smart HTTP plus two small JSON
 * calls; the simulated cluster in the tests plugs in an in-process one, with the same semantics.
 */
public interface PeerTransport {
    /** Pushes local main to the peer's {@code refs/peers/<self>/main}. Returns what the peer now holds there. */
    ObjectId push(GitDatabase db, Peer peer) throws IOException;

    /** Fetches the peer's main into {@code refs/remotes/<peer>/main}; returns it (null when the peer has none). */
    ObjectId fetch(GitDatabase db, Peer peer) throws IOException;

    /** Fills an empty repository with the peer's main ({@code refs/heads/main}). */
    void cloneInto(Repository empty, String db, Peer peer) throws IOException;

    /** The peer's databases and their heads. */
    Map<String, String> databases(Peer peer) throws IOException;

    /** Tells the peer that this node holds database {@code db} (the peer fetches it if it lacks it). */
    void announce(Peer peer, String db) throws IOException;
}
