package io.quire.server.replication;

import io.quire.server.store.GitDatabase;
import io.quire.server.store.GitDatabases;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;

/**
 * An in-process peer transport for simulations: moves Git objects between two nodes' repositories
 * with JGit's local file transport (real packs, real object checks), and refuses when the simulated
 * network says the link is down.
 */
final class LocalPeerTransport implements PeerTransport {
    private final String self;
    private final Function<String, GitDatabases> nodes;
    private final Function<String, Replicator> replicators;
    private final Predicate<String> reachable;

    LocalPeerTransport(String self, Function<String, GitDatabases> nodes, Function<String, Replicator> replicators, Predicate<String> reachable) {
        this.self = self;
        this.nodes = nodes;
        this.replicators = replicators;
        this.reachable = reachable;
    }

    private GitDatabases node(Peer p) throws IOException {
        if (!reachable.test(p.name())) throw new IOException("connection refused: " + p.name() + " unreachable");
        GitDatabases n = nodes.apply(p.name());
        if (n == null) throw new IOException("connection refused: " + p.name() + " is down");
        return n;
    }

    /** The peer fetches our main into its refs/peers/self/main and integrates it, as its post-receive hook would. */
    @Override
    public ObjectId push(GitDatabase db, Peer peer) throws IOException {
        GitDatabase target = node(peer).get(db.name());
        if (target == null) throw new IOException("404 no such database");
        ObjectId head = locked(target, db, () -> fetchInto(target.repository(), db.repository(), "refs/peers/" + self + "/main"));
        replicators.apply(peer.name()).integrate(target, self, head);
        return head;
    }

    @Override
    public ObjectId fetch(GitDatabase db, Peer peer) throws IOException {
        GitDatabase source = node(peer).get(db.name());
        if (source == null) return null;
        return locked(db, source, () -> fetchInto(db.repository(), source.repository(), "refs/remotes/" + peer.name() + "/main"));
    }

    @Override
    public void cloneInto(Repository empty, String db, Peer peer) throws IOException {
        GitDatabase source = node(peer).get(db);
        if (source == null) throw new IOException("404 no such database");
        locked(null, source, () -> fetchInto(empty, source.repository(), "refs/heads/main"));
    }

    interface Transfer {
        ObjectId run() throws IOException;
    }

    /**
     * Runs a transfer under the read side of both databases' objects locks, as the HTTP transport
     * does on each side (GitDatabase#objectsLock): no repack of either repository runs meanwhile.
     */
    static ObjectId locked(GitDatabase into, GitDatabase from, Transfer t) throws IOException {
        java.util.concurrent.locks.Lock a = into == null ? null : into.objectsLock().readLock();
        java.util.concurrent.locks.Lock b = from.objectsLock().readLock();
        if (a != null) a.lock();
        try {
            b.lock();
            try {
                return t.run();
            } finally {
                b.unlock();
            }
        } finally {
            if (a != null) a.unlock();
        }
    }

    private static ObjectId fetchInto(Repository into, Repository from, String ref) throws IOException {
        Ref head = from.exactRef("refs/heads/main");
        if (head != null && into.getObjectDatabase().has(head.getObjectId())) {
            // Everything is already here (a previous delivery): only the ref moves, as a fetch would.
            org.eclipse.jgit.lib.RefUpdate u = into.updateRef(ref);
            u.setNewObjectId(head.getObjectId());
            u.setForceUpdate(true);
            u.disableRefLog();
            u.update();
            return head.getObjectId();
        }
        try (Transport probe = Transport.open(into, new URIish(from.getDirectory().toURI().toString()))) {
            Horizons.adopt(into, probe);
        } catch (Exception e) {
            throw new IOException("fetch failed: " + e.getMessage(), e);
        }
        // Transport, not FetchCommand: the command would start an automatic gc in the background.
        try (Transport t = Transport.open(into, new URIish(from.getDirectory().toURI().toString()))) {
            t.setCheckFetchedObjects(true);
            FetchResult r = t.fetch(NullProgressMonitor.INSTANCE, List.of(new RefSpec("+refs/heads/main:" + ref)));
            Ref main = r.getAdvertisedRef("refs/heads/main");
            return main == null ? null : main.getObjectId();
        } catch (Exception e) {
            throw new IOException("fetch failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, String> databases(Peer peer) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (GitDatabase d : node(peer).all()) out.put(d.name(), d.head());
        return out;
    }

    @Override
    public void announce(Peer peer, String db) throws IOException {
        node(peer);
        replicators.apply(peer.name()).pull(new Peer(self, java.net.URI.create("http://" + self + ".invalid")), db);
    }
}
