package io.quire.server.replication;

import io.quire.server.store.GitDatabase;
import io.quire.server.store.GitDatabases;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * N nodes in one JVM, each with its own data directory, store and replicator, joined by
 * {@link LocalPeerTransport}s through a network the test controls: links can be cut and healed,
 * deliveries dropped, nodes crashed (closed without warning) and restarted. Deterministic: nothing
 * runs unless the test says so (Yjs TestConnector style).
 */
final class SimulatedCluster implements AutoCloseable {
    static {
        System.setProperty("quire.store.fsync", "false");
    }

    final int size;
    private final Path root;
    private final GitDatabases[] stores;
    private final Replicator[] replicators;
    private final Set<String> cut = new HashSet<>();

    SimulatedCluster(Path root, int size) {
        this.root = root;
        this.size = size;
        this.stores = new GitDatabases[size];
        this.replicators = new Replicator[size];
        for (int i = 0; i < size; i++) start(i);
    }

    static String name(int i) {
        return "n" + i;
    }

    private static int index(String name) {
        return Integer.parseInt(name.substring(1));
    }

    static Peer peer(int i) {
        return new Peer(name(i), URI.create("http://" + name(i) + ".invalid"));
    }

    private void start(int i) {
        stores[i] = new GitDatabases(root.resolve(name(i)), name(i));
        List<Peer> peers = new ArrayList<>();
        for (int j = 0; j < size; j++) if (j != i) peers.add(peer(j));
        int self = i;
        LocalPeerTransport t = new LocalPeerTransport(name(i), n -> stores[index(n)], n -> replicators[index(n)],
                n -> !cut.contains(key(self, index(n))));
        replicators[i] = new Replicator(name(i), peers, stores[i], t, new InlineScheduler(), System::currentTimeMillis);
    }

    private static String key(int a, int b) {
        return Math.min(a, b) + "-" + Math.max(a, b);
    }

    GitDatabases store(int i) {
        return stores[i];
    }

    GitDatabase db(int i, String name) {
        return stores[i].get(name);
    }

    void partition(int a, int b) {
        if (a != b) cut.add(key(a, b));
    }

    void heal(int a, int b) {
        cut.remove(key(a, b));
    }

    boolean isCut(int a, int b) {
        return cut.contains(key(a, b));
    }

    void healAll() {
        cut.clear();
    }

    /** Node {@code to} receives node {@code from}'s head of {@code db}, as a push would deliver it. */
    void deliver(int from, int to, String db) {
        if (from == to || cut.contains(key(from, to))) return;
        replicators[to].pull(peer(from), db);
    }

    /** Kills a node without warning and starts it again from what is on disk. */
    void crash(int i) {
        replicators[i].close();
        stores[i].close();
        start(i);
    }

    /** Full rounds of pairwise delivery until every node has the same head, or {@code maxRounds} ran out. */
    boolean settle(String db, int maxRounds) {
        for (int r = 0; r < maxRounds; r++) {
            if (converged(db)) return true;
            for (int from = 0; from < size; from++)
                for (int to = 0; to < size; to++)
                    if (db(to, db) == null || !db(to, db).head().equals(db(from, db).head())) deliver(from, to, db);
        }
        return converged(db);
    }

    boolean converged(String db) {
        String h = null;
        for (int i = 0; i < size; i++) {
            GitDatabase d = db(i, db);
            if (d == null) return false;
            if (h == null) h = d.head();
            else if (!h.equals(d.head())) return false;
        }
        return true;
    }

    @Override
    public void close() {
        for (int i = 0; i < size; i++) {
            replicators[i].close();
            stores[i].close();
        }
    }
}
