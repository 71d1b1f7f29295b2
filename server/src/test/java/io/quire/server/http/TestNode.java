package io.quire.server.http;

import io.quire.sdk.Databases;
import io.quire.server.store.GitDatabases;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A real store behind the HTTP verticle on 127.0.0.1 and a free port, for the {@code …IT} tests. */
final class TestNode implements AutoCloseable {
    static final String TOKEN = "test-token-0123456789";
    static final long MAX_BODY = 64 * 1024;
    static final long HEARTBEAT_MS = 300;

    final Vertx vertx = Vertx.vertx();
    final GitDatabases store;
    final HttpVerticle verticle;
    final Api api;

    TestNode(Path dir) throws Exception {
        this(dir, null);
    }

    /** {@code databases}: what the verticle serves, when it is not {@link #store} itself (fault injection). */
    TestNode(Path dir, Databases databases) throws Exception {
        this(dir, databases, java.util.List.of());
    }

    TestNode(Path dir, Databases databases, java.util.List<RouteContributor> contributors) throws Exception {
        store = new GitDatabases(dir, "test");
        HttpSettings settings = HttpSettings.of("127.0.0.1", 0, "test", TOKEN)
                .withMaxBodyBytes(MAX_BODY).withHeartbeatMillis(HEARTBEAT_MS);
        verticle = new HttpVerticle(settings, databases == null ? store : databases, ClusterStatusProvider.standalone("test"), contributors);
        vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        api = new Api(java.net.URI.create("http://127.0.0.1:" + verticle.actualPort()), TOKEN);
    }

    java.net.URI base() {
        return api.base();
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        store.close();
    }
}
