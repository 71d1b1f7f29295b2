package io.quire.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.sdk.Databases;
import io.quire.sdk.remote.Wire;
import io.quire.server.http.error.ProblemMapper;
import io.quire.server.http.error.ProblemResponder;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the HTTP API ({@code /api/v1}, see INTERFACES.md) and the routes apps add through
 * {@link #apiRouter()}. Every call but {@code /api/v1/health} needs the admin bearer token.
 */
public final class HttpVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(HttpVerticle.class);
    private static final int STORE_WORKERS = 16;

    private final HttpSettings settings;
    private final Databases databases;
    private final ClusterStatusProvider cluster;
    private final List<RouteContributor> contributors;
    private WorkerExecutor workers;
    private HttpServer server;
    private Router apiRouter;

    public HttpVerticle(HttpSettings settings, Databases databases, ClusterStatusProvider cluster) {
        this(settings, databases, cluster, List.of());
    }

    /** {@code contributors}: routes outside {@code /api/v1} (Git transport, peer calls), mounted in order. */
    public HttpVerticle(HttpSettings settings, Databases databases, ClusterStatusProvider cluster,
                        List<RouteContributor> contributors) {
        this.settings = settings;
        this.databases = databases;
        this.cluster = cluster;
        this.contributors = List.copyOf(contributors);
    }

    @Override
    public Future<?> start() {
        workers = vertx.createSharedWorkerExecutor("quire-http-store", STORE_WORKERS);
        StoreCalls store = new StoreCalls(workers, databases);
        apiRouter = Router.router(vertx);
        Router root = Router.router(vertx);
        RouteTable routes = new RouteTable(root);
        root.route().handler(new PathGuard());
        routes.get("/api/v1/health", ctx -> Reply.json(200,
                Wire.object().put("status", "ok").put("node", settings.nodeName())).writeTo(ctx.response()));
        root.route("/api/v1/*").handler(new BearerAuth(settings.adminToken()));
        root.route("/api/v1/*").handler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes()));
        routes.get("/api/v1/cluster", this::cluster);
        new DatabaseRoutes(store).mount(routes);
        new DocumentRoutes(store).mount(routes);
        new ChangeRoutes(store, settings).mount(routes);
        root.route("/api/v1/*").subRouter(apiRouter);
        contributors.forEach(c -> c.mount(root));
        root.route().handler(routes::unmatched);
        root.route().failureHandler(HttpVerticle::failure);
        for (int status : new int[]{404, 405, 413, 415})
            root.errorHandler(status, ctx -> ProblemResponder.send(ctx, ProblemMapper.fromStatus(status, null)));
        HttpServerOptions options = new HttpServerOptions().setHost(settings.host()).setPort(settings.port())
                .setSsl(tls != null).setKeyCertOptions(tls)
                .setCompressionSupported(true);
        return vertx.createHttpServer(options).requestHandler(root).listen().onSuccess(s -> {
            server = s;
            LOG.info("event=http_listening host={} port={}", settings.host(), s.actualPort());
        });
    }

    private static void failure(RoutingContext ctx) {
        Throwable t = ctx.failure();
        if (t != null) ProblemResponder.fail(ctx, t);
        else ProblemResponder.send(ctx, ProblemMapper.fromStatus(ctx.statusCode(), null));
    }

    private void cluster(RoutingContext ctx) {
        vertx.executeBlocking(cluster::status, false).onComplete(ar -> {
            if (ar.succeeded()) Reply.json(200, ar.result()).writeTo(ctx.response());
            else ProblemResponder.fail(ctx, ar.cause());
        });
    }

    private io.vertx.core.net.PemKeyCertOptions tls;

    /** Serves HTTPS with this certificate and key (call before deploying). */
    public HttpVerticle useTls(io.vertx.core.net.PemKeyCertOptions keyCert) {
        this.tls = keyCert;
        return this;
    }

    /** The port actually bound (useful when configured with port 0). */
    public int actualPort() {
        return server.actualPort();
    }

    /**
     * The router mounted at {@code /api/v1} for apps: routes added to it (e.g. {@code /mail/users})
     * sit behind the same bearer-token check and body limit as the core API. Available once started.
     */
    public Router apiRouter() {
        return apiRouter;
    }

    @Override
    public Future<?> stop() {
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        return closed.eventually(() -> workers == null ? Future.succeededFuture() : workers.close());
    }
}
