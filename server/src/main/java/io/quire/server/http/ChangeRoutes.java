package io.quire.server.http;

import io.quire.sdk.Database;
import io.quire.sdk.remote.ChangeWire;
import io.quire.server.http.error.ApiError;
import io.quire.server.http.error.ProblemResponder;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/v1/db/{db}/changes?since=<commit>&limit=n}: the changes since a commit, at once
 * ({@code feed} absent or {@code normal}), after the head moves ({@code feed=longpoll&timeout=ms}),
 * or as a stream of server-sent events ({@code feed=sse}, see {@link ChangeStream}).
 */
final class ChangeRoutes {
    private static final int MAX_LIMIT = 10_000;
    private static final long DEFAULT_TIMEOUT_MS = 30_000;

    private final StoreCalls store;
    private final HttpSettings settings;

    ChangeRoutes(StoreCalls store, HttpSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    void mount(RouteTable r) {
        r.get("/api/v1/db/:db/changes", this::changes);
    }

    private void changes(RoutingContext ctx) {
        String name = Requests.database(ctx);
        int limit = Requests.limit(ctx, 1000, MAX_LIMIT);
        String feed = ctx.queryParams().get("feed");
        switch (feed == null ? "normal" : feed) {
            case "normal" -> {
                String since = Requests.commit("since", ctx.queryParams().get("since"));
                store.reply(ctx, () -> Reply.json(200, ChangeWire.toJson(store.database(name).changes(since, limit))));
            }
            case "longpoll" -> longPoll(ctx, name, limit);
            case "sse" -> {
                // a reconnecting EventSource says where it stopped in Last-Event-ID (HTML §9.2.4)
                String lastEventId = ctx.request().getHeader("Last-Event-ID");
                String since = Requests.commit(lastEventId != null ? "Last-Event-ID" : "since",
                        lastEventId != null ? lastEventId : ctx.queryParams().get("since"));
                store.run(() -> store.database(name)).onComplete(ar -> {
                    if (ar.failed()) ProblemResponder.fail(ctx, ar.cause());
                    else new ChangeStream(ctx, store, ar.result(), since, limit, settings.heartbeatMillis()).start();
                });
            }
            default -> throw ApiError.badRequest("feed: expected normal, longpoll or sse, got \"" + Requests.shorten(feed) + "\"");
        }
    }

    /** Answers as soon as the head differs from {@code since}; after {@code timeout} ms, with no changes. */
    private void longPoll(RoutingContext ctx, String name, int limit) {
        String since = Requests.commit("since", ctx.queryParams().get("since"));
        var context = ctx.vertx().getOrCreateContext();
        long timeout = Requests.longParam(ctx, "timeout", Math.min(DEFAULT_TIMEOUT_MS, settings.maxLongPollMillis()),
                0, settings.maxLongPollMillis());
        store.run(() -> {
                    Database db = store.database(name);
                    return new Waiting(db, StoreFeatures.headWatcher(db).awaitHeadChange(since, timeout));
                })
                .compose(w -> Future.fromCompletionStage(w.moved(), context).map(h -> w.db()))
                .compose(db -> store.run(() -> db.changes(since, limit)))
                .onComplete(ar -> {
                    if (ar.failed()) ProblemResponder.fail(ctx, ar.cause());
                    else Reply.json(200, ChangeWire.toJson(ar.result())).writeTo(ctx.response());
                });
    }

    private record Waiting(Database db, CompletableFuture<String> moved) {
    }
}
