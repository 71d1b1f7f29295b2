package io.quire.bench.replication;

import io.quire.server.boot.NodeConfig;
import io.quire.server.boot.NodeConfigParser;
import io.quire.server.store.GitDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Real nodes in this JVM, each started with {@code Node.start} from a YAML file as a user writes it
 * (own Vert.x, HTTP server on 127.0.0.1, replicator, maintenance timer), peering over HTTP on loopback.
 */
final class Cluster implements AutoCloseable {
    static final String DB = "repl";
    static final String TOKEN = "bench-admin-token";

    /** One node: its name, HTTP port, and its peers by name with the port it reaches each one at. */
    record Spec(String name, int port, Map<String, Integer> peers) {
    }

    private final List<StoreTap.Tapped> nodes = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    private Cluster() {
    }

    /** Names a, b, c, ... on free ports, every node peering directly with every other one. */
    static List<Spec> mesh(int n) throws IOException {
        int[] ports = new int[n];
        for (int i = 0; i < n; i++) ports[i] = freePort();
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Integer> peers = new TreeMap<>();
            for (int j = 0; j < n; j++) if (j != i) peers.put(name(j), ports[j]);
            specs.add(new Spec(name(i), ports[i], peers));
        }
        return specs;
    }

    static String name(int i) {
        return String.valueOf((char) ('a' + i));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Writes each node's YAML file under {@code dir} and starts the nodes in order. */
    static Cluster start(Path dir, List<Spec> specs) throws Exception {
        Cluster c = new Cluster();
        try {
            for (Spec s : specs) {
                NodeConfig config = NodeConfigParser.read(writeConfig(dir, s));
                c.nodes.add(StoreTap.start(config, dir.resolve("spi")));
                c.names.add(s.name());
            }
            return c;
        } catch (Exception e) {
            c.close();
            throw e;
        }
    }

    private static Path writeConfig(Path dir, Spec s) throws IOException {
        StringBuilder y = new StringBuilder();
        y.append("node: ").append(s.name()).append('\n');
        y.append("dataDir: ").append(dir.resolve(s.name())).append('\n');
        y.append("http: 127.0.0.1:").append(s.port()).append('\n');
        y.append("adminToken: ").append(TOKEN).append('\n');
        if (!s.peers().isEmpty()) {
            y.append("cluster:\n  secret: bench-cluster-secret\n  peers:\n");
            s.peers().forEach((name, port) -> y.append("    - { name: ").append(name).append(", url: http://127.0.0.1:").append(port).append(" }\n"));
        }
        Path f = dir.resolve(s.name() + ".yaml");
        Files.writeString(f, y);
        return f;
    }

    int size() {
        return nodes.size();
    }

    String nodeName(int i) {
        return names.get(i);
    }

    /** The benchmark database on node {@code i}, or null while that node has no replica yet. */
    GitDatabase db(int i) {
        return nodes.get(i).store().get(DB);
    }

    /** Creates the database on the first node and waits until every node holds a replica. */
    void createDatabase(String schema) throws InterruptedException {
        nodes.get(0).store().create(DB, schema);
        await("every node holds a replica of " + DB, 60_000, () -> {
            for (int i = 0; i < size(); i++) if (db(i) == null) return false;
            return true;
        });
    }

    /** True when every node's head is the same commit. */
    boolean converged() {
        String h = db(0).head();
        for (int i = 1; i < size(); i++) if (!db(i).head().equals(h)) return false;
        return true;
    }

    /** Polls {@code ok} every millisecond; throws when it stays false for {@code millis}. */
    static void await(String what, long millis, BooleanSupplier ok) throws InterruptedException {
        if (!within(millis, ok)) throw new IllegalStateException("timed out after " + millis + " ms waiting until " + what);
    }

    /** Polls {@code ok} every millisecond for at most {@code millis}; whether it became true. */
    static boolean within(long millis, BooleanSupplier ok) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > end) return false;
            Thread.sleep(1);
        }
        return true;
    }

    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) nodes.get(i).node().close();
        nodes.clear();
    }
}
