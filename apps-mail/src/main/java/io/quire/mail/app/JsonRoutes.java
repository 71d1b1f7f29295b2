package io.quire.mail.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.sdk.remote.Wire;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;

/**
 * Runs a route's store work on the mail workers and writes its JSON answer back on the event loop,
 * so no worker thread touches a response and no store call blocks an event loop.
 */
final class JsonRoutes {
    /** A computed answer. */
    record Reply(int status, JsonNode body) {
    }

    private final WorkerExecutor workers;

    JsonRoutes(WorkerExecutor workers) {
        this.workers = workers;
    }

    void run(RoutingContext ctx, Callable<Reply> work) {
        workers.executeBlocking(work, false).onComplete(ar -> {
            if (ar.failed()) {
                ApiProblems.fail(ctx, ar.cause());
                return;
            }
            if (ctx.response().ended() || ctx.response().closed()) return;
            ctx.response().setStatusCode(ar.result().status()).putHeader("Content-Type", "application/json")
                    .end(Buffer.buffer(Wire.bytes(ar.result().body())));
        });
    }
}
