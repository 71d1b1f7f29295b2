package io.quire.server.boot;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.sdk.spi.App;
import io.quire.server.http.ClusterStatusProvider;
import io.quire.server.http.HttpVerticle;
import io.quire.server.http.RouteContributor;
import io.quire.server.prune.Maintenance;
import io.quire.server.replication.ClusterRoutes;
import io.quire.server.replication.Peer;
import io.quire.server.replication.PeerAuth;
import io.quire.server.replication.Replicator;
import io.quire.server.replication.transport.GitHttpService;
import io.quire.server.replication.transport.HttpPeerTransport;
import io.quire.merge.document.DocumentCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import io.quire.server.store.GitDatabases;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running node: the store, the HTTP API and the configured apps, started in that order and
 * stopped in the reverse one (apps first, so they never see a closed store).
 */
public final class Node implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Node.class);
    private static final long STEP_TIMEOUT_SECONDS = 30;
    /** How often peers compare heads even when no push arrived (pushes do the real-time work). */
    private static final long ANTI_ENTROPY_MILLIS = 5_000;
    private static final long MAINTENANCE_MILLIS = 60_000;

    private final NodeConfig config;
    private final Vertx vertx;
    private final GitDatabases databases;
    private final String token;
    private final Deque<App> started = new ArrayDeque<>();
    private HttpVerticle http;
    private Replicator replicator;
    private long maintenanceTimer = -1;
    private String httpDeployment;
    private boolean closed;

    private Node(NodeConfig config, Vertx vertx, GitDatabases databases, String token) {
        this.config = config;
        this.vertx = vertx;
        this.databases = databases;
        this.token = token;
    }

    /** Starts a node; on failure everything already started is stopped again before the exception. */
    public static Node start(NodeConfig config) throws Exception {
        Path dataDir = config.dataDir().toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        String token = config.adminToken().isPresent() ? config.adminToken().get() : AdminToken.loadOrCreate(dataDir);
        Vertx vertx = Vertx.vertx();
        GitDatabases databases;
        try {
            databases = new GitDatabases(dataDir, config.node());
        } catch (RuntimeException e) {
            await(vertx.close());
            throw e;
        }
        Node node = new Node(config, vertx, databases, token);
        try {
            node.startHttp();
            node.startApps(dataDir);
        } catch (Exception e) {
            node.close();
            throw e;
        }
        return node;
    }

    /**
     * The HTTP side: the API, the Git transport (admin clones always; peers push and fetch when a
     * cluster is configured) and, with peers, the peer calls and the replicator.
     */
    private void startHttp() throws Exception {
        List<Peer> peers = config.cluster().map(c -> c.peers().stream().map(p -> new Peer(p.name(), p.url())).toList()).orElse(List.of());
        Optional<PeerAuth> auth = config.cluster().map(c -> new PeerAuth(c.secret(), config.node()));
        Set<String> peerNames = peers.stream().map(Peer::name).collect(Collectors.toSet());
        Optional<NodeConfig.PeerTls> peerTls = config.cluster().flatMap(NodeConfig.Cluster::tls);
        if (peerTls.isPresent()) PeerTrust.install(peerTls.get().trust());
        if (auth.isPresent() && !peers.isEmpty())
            replicator = new Replicator(config.node(), peers, databases, new HttpPeerTransport(config.node(), auth.get()));
        Replicator r = replicator;
        List<RouteContributor> routes = new ArrayList<>();
        routes.add(new GitHttpService(vertx, databases, token, auth, peerNames, (db, peer, head) -> {
            if (r != null) r.onPeerPush(db, peer, head);
        })::mount);
        if (r != null) routes.add(new ClusterRoutes(auth.get(), peerNames, databases, r)::mount);
        ClusterStatusProvider status = r == null ? ClusterStatusProvider.standalone(config.node())
                : () -> DocumentCodec.MAPPER.valueToTree(r.status());
        http = new HttpVerticle(config.httpSettings(token), databases, status, routes);
        Optional<NodeConfig.PeerTls> tls = config.cluster().flatMap(NodeConfig.Cluster::tls);
        if (tls.isPresent()) {
            http.useTls(new io.vertx.core.net.PemKeyCertOptions().setCertPath(tls.get().certificate().toString())
                    .setKeyPath(tls.get().key().toString()));
        }
        httpDeployment = await(vertx.deployVerticle(http));
        if (r != null) r.start(ANTI_ENTROPY_MILLIS);
        // Compaction and pruning, off the event loop; each database's run holds its writer thread and
        // the write side of its objects lock (GitDatabase#objectsLock), bounded in time. The horizon
        // is the merge base of the peers' checkpoints; a peer silent for longer than
        // cluster.pruneHoldHours stops holding it (docs/replication.md §5).
        Maintenance.Settings maintenance = Maintenance.Settings.of(peerNames,
                config.cluster().map(NodeConfig.Cluster::pruneHold).orElse(NodeConfig.Cluster.DEFAULT_PRUNE_HOLD));
        maintenanceTimer = vertx.setPeriodic(MAINTENANCE_MILLIS, id ->
                vertx.executeBlocking(() -> {
                    Maintenance.runAll(databases, maintenance);
                    return null;
                }, true));
    }

    private void startApps(Path dataDir) throws Exception {
        for (App app : ServiceLoader.load(App.class)) {
            JsonNode section = config.appSections().get(app.name());
            if (section == null) {
                log.info("event=app_not_configured app={}", app.name());
                continue;
            }
            Path state = dataDir.resolve("apps").resolve(app.name());
            Files.createDirectories(state);
            await(app.start(new NodeAppContext(vertx, databases, section, config.node(), state, http.apiRouter())));
            started.push(app);
            log.info("event=app_started app={}", app.name());
        }
        for (String name : config.appSections().keySet())
            if (started.stream().noneMatch(a -> a.name().equals(name)))
                log.warn("event=app_missing app={} detail=\"the {} section is configured but the {} app is not on the class path\"",
                        name, name, name);
    }

    /** Prints where everything listens and the admin token. */
    public void describe(PrintStream out) {
        out.println("quire node '" + config.node() + "' is running");
        out.println("  HTTP API     " + (config.cluster().flatMap(NodeConfig.Cluster::tls).isPresent() ? "https" : "http") + "://" + config.http().urlHost() + ":" + http.actualPort() + "/api/v1");
        config.mail().filter(m -> isStarted("mail")).ifPresent(m -> {
            out.println("  IMAP         " + m.imap());
            out.println("  LMTP         " + m.lmtp());
            out.println("  SMTP         " + m.smtp() + "   (domains: " + String.join(", ", m.domains()) + ")");
        });
        if (config.mail().isPresent() && !isStarted("mail"))
            out.println("  mail         not running: the mail app is not on the class path");
        out.println("  data         " + config.dataDir().toAbsolutePath().normalize());
        out.println("  admin token  " + token);
        out.flush();
    }

    private boolean isStarted(String app) {
        return started.stream().anyMatch(a -> a.name().equals(app));
    }

    public int httpPort() {
        return http.actualPort();
    }

    public String adminToken() {
        return token;
    }

    /** Stops the apps, the HTTP API, the store and Vert.x, each step bounded in time. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        while (!started.isEmpty()) {
            App app = started.pop();
            quietly("stop app " + app.name(), () -> await(app.stop()));
        }
        if (maintenanceTimer >= 0) vertx.cancelTimer(maintenanceTimer);
        if (replicator != null) quietly("stop replication", replicator::close);
        if (httpDeployment != null) quietly("stop HTTP", () -> await(vertx.undeploy(httpDeployment)));
        quietly("close databases", databases::close);
        quietly("close Vert.x", () -> await(vertx.close()));
        log.info("event=node_stopped node={}", config.node());
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(String what, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            log.warn("event=shutdown_step_failed step=\"{}\" error={}", what, e.toString());
        }
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
