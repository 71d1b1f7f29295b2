package io.quire.server.http;

import io.quire.sdk.Database;
import io.quire.sdk.Databases;
import io.quire.sdk.QuireException;
import io.quire.server.http.error.ProblemResponder;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;

/**
 * Runs store calls on a worker pool, never on the event loop (JGit blocks on disk), and writes the
 * outcome back on the event loop. Unordered: the store serialises writes itself, and independent
 * reads should not queue behind one another.
 */
final class StoreCalls {
    private final WorkerExecutor workers;
    private final Databases databases;

    StoreCalls(WorkerExecutor workers, Databases databases) {
        this.workers = workers;
        this.databases = databases;
    }

    /** Runs {@code work} off the event loop and sends its reply, or the problem it failed with. */
    void reply(RoutingContext ctx, Callable<Reply> work) {
        run(work).onComplete(ar -> {
            if (ar.succeeded()) ar.result().writeTo(ctx.response());
            else ProblemResponder.fail(ctx, ar.cause());
        });
    }

    <T> Future<T> run(Callable<T> work) {
        return workers.executeBlocking(work, false);
    }

    /** The named database, or NotFound. Blocking: call it inside {@code work}. */
    Database database(String name) {
        return databases.open(name).orElseThrow(() -> new QuireException.NotFound("no database named '" + name + "'"));
    }

    Databases databases() {
        return databases;
    }
}
