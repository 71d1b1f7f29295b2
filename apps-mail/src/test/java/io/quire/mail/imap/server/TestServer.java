package io.quire.mail.imap.server;

import io.quire.mail.store.MailStore;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A Vert.x instance and an IMAP server on 127.0.0.1, port 0, for one test. */
public final class TestServer implements AutoCloseable {
    /** Test users. */
    public static final String ALICE = "alice@example.org";
    public static final String ALICE_PASSWORD = "secret";
    public static final String BOB = "bob@example.org";
    public static final String BOB_PASSWORD = "hunter2";

    private final Vertx vertx;
    private final ImapServer server;

    private TestServer(Vertx vertx, ImapServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** Fast test options: no login delay, short pre-auth timeout. */
    public static ImapOptions testOptions() {
        return ImapOptions.defaults("127.0.0.1", 0)
                .withThrottling(new ImapOptions.Throttling(Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1), 50));
    }

    /** Starts a server over {@code store}. */
    public static TestServer start(MailStore store, ImapOptions options) throws Exception {
        Vertx vertx = Vertx.vertx();
        ImapServer server = ImapServer.listen(vertx, options, store).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        return new TestServer(vertx, server);
    }

    /** The bound server. */
    public ImapServer server() {
        return server;
    }

    /** The plaintext port. */
    public int port() {
        return server.port();
    }

    /** The Vert.x instance. */
    public Vertx vertx() {
        return vertx;
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
