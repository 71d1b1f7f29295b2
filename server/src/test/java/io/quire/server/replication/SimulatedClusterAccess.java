package io.quire.server.replication;

import io.quire.server.store.GitDatabase;
import java.nio.file.Path;

/** The simulated cluster for tests in other packages. */
public final class SimulatedClusterAccess implements AutoCloseable {
    private final SimulatedCluster cluster;

    public SimulatedClusterAccess(Path root, int size) {
        cluster = new SimulatedCluster(root, size);
    }

    /** Creates a database on node 0 and replicates it to the others. */
    public void create(String db, String schema) {
        cluster.store(0).create(db, schema);
        for (int i = 1; i < cluster.size; i++) cluster.deliver(0, i, db);
    }

    /** Creates a database on one node only. */
    public void createOn(int node, String db, String schema) {
        cluster.store(node).create(db, schema);
    }

    public GitDatabase db(int node, String name) {
        return cluster.db(node, name);
    }

    public void deliver(int from, int to, String db) {
        cluster.deliver(from, to, db);
    }

    /** Cuts the link between two nodes (deliveries between them are dropped). */
    public void partition(int a, int b) {
        cluster.partition(a, b);
    }

    public void healAll() {
        cluster.healAll();
    }

    /** Delivers between every pair until all heads agree; false when they do not within {@code rounds}. */
    public boolean settle(String db, int rounds) {
        return cluster.settle(db, rounds);
    }

    @Override
    public void close() {
        cluster.close();
    }
}
