package io.quire.server.http;

import io.quire.sdk.ChangeBatch;
import io.quire.sdk.Database;
import io.quire.sdk.remote.ChangeWire;
import io.quire.sdk.remote.Wire;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server-sent event stream of a database's changes (WHATWG HTML §9.2): an {@code event: change}
 * with the batch as JSON for each new head, its commit as the event id (so a reconnecting client
 * resumes with {@code Last-Event-ID}), and a comment line whenever the head stays put for a
 * heartbeat period, so idle proxies keep the connection open.
 *
 * <p>The loop waits for the head with the heartbeat period as timeout: one wait serves both, and no
 * thread is held while nothing happens.
 */
final class ChangeStream {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeStream.class);

    private final HttpServerResponse response;
    private final StoreCalls store;
    private final Database db;
    private final int limit;
    private final long heartbeatMillis;
    private final Context context;
    private String since;
    private boolean closed;

    ChangeStream(RoutingContext ctx, StoreCalls store, Database db, String since, int limit, long heartbeatMillis) {
        this.response = ctx.response();
        this.store = store;
        this.db = db;
        this.since = since;
        this.limit = limit;
        this.heartbeatMillis = heartbeatMillis;
        this.context = ctx.vertx().getOrCreateContext();
    }

    void start() {
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no")
                // never compressed: a compressor holds small writes back, and events must leave at once
                .putHeader("Content-Encoding", "identity");
        response.closeHandler(v -> closed = true);
        // the retry hint and a first comment send the headers now, so the client knows it is connected
        response.write("retry: 1000\n: connected\n\n");
        next();
    }

    private void next() {
        if (closed) return;
        HeadWatcher watcher = StoreFeatures.headWatcher(db);
        store.run(() -> watcher.awaitHeadChange(since, heartbeatMillis))
                .compose(moved -> Future.fromCompletionStage(moved, context))
                .compose(head -> head.equals(since) ? Future.succeededFuture((ChangeBatch) null)
                        : store.run(() -> db.changes(since, limit)))
                .onComplete(ar -> {
                    if (closed) return;
                    if (ar.failed()) {
                        LOG.warn("event=change_stream_failed db={} error={}", db.name(), ar.cause().toString());
                        response.end();
                        return;
                    }
                    ChangeBatch batch = ar.result();
                    if (batch == null) {
                        write(": heartbeat\n\n");
                    } else {
                        since = batch.until();
                        write("event: change\nid: " + batch.until() + "\ndata: "
                                + new String(Wire.bytes(ChangeWire.toJson(batch)), StandardCharsets.UTF_8) + "\n\n");
                    }
                });
    }

    /** Writes, then continues once the client has taken the data (back-pressure). */
    private void write(String text) {
        response.write(Buffer.buffer(text, "UTF-8"));
        if (response.writeQueueFull()) response.drainHandler(v -> next());
        else next();
    }
}
