package io.quire.bench.replication;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quire.sdk.spi.App;
import io.quire.sdk.spi.AppContext;
import io.quire.server.boot.Node;
import io.quire.server.boot.NodeConfig;
import io.quire.server.store.GitDatabases;
import io.vertx.core.Future;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An app that hands a running node's store to the benchmark, the way the mail app receives it:
 * through {@link AppContext#databases()}. The node is otherwise untouched ({@link Node#start}), so
 * its replicator, HTTP server and maintenance timer are the production ones, while the benchmark can
 * write with {@code commitAsync} and watch heads in-process instead of through HTTP round trips.
 */
public final class StoreTap implements App {
    static final String NAME = "bench-store-tap";
    private static final Map<String, GitDatabases> STARTED = new ConcurrentHashMap<>();

    /** Public for {@link java.util.ServiceLoader}. */
    public StoreTap() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Future<Void> start(AppContext context) {
        // Node passes its GitDatabases as the SDK's Databases; the benchmark needs the store's own type.
        STARTED.put(context.nodeName(), (GitDatabases) context.databases());
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop() {
        return Future.succeededFuture();
    }

    /** A started node and its store. */
    record Tapped(Node node, GitDatabases store) {
    }

    /**
     * Starts a node with this app enabled. Node finds apps with {@code ServiceLoader.load(App.class)},
     * which reads the thread's context class loader: a loader over {@code spiDir} adds the service
     * entry for this class, without a resource file in the benchmark jar.
     */
    static Tapped start(NodeConfig config, Path spiDir) throws Exception {
        Path entry = spiDir.resolve("META-INF/services/" + App.class.getName());
        if (!Files.exists(entry)) {
            Files.createDirectories(entry.getParent());
            Files.writeString(entry, StoreTap.class.getName() + "\n");
        }
        Map<String, com.fasterxml.jackson.databind.JsonNode> sections = new HashMap<>(config.appSections());
        sections.put(NAME, JsonNodeFactory.instance.objectNode());
        NodeConfig tapped = new NodeConfig(config.node(), config.dataDir(), config.http(), config.adminToken(), config.cluster(),
                config.mail(), sections, config.limits());
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        try (URLClassLoader spi = new URLClassLoader(new URL[]{spiDir.toUri().toURL()}, StoreTap.class.getClassLoader())) {
            t.setContextClassLoader(spi);
            Node node = Node.start(tapped);
            GitDatabases store = STARTED.remove(config.node());
            if (store == null) {
                node.close();
                throw new IOException("node " + config.node() + " did not start the store tap");
            }
            return new Tapped(node, store);
        } finally {
            t.setContextClassLoader(before);
        }
    }
}
