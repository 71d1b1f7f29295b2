package io.quire.mail.imap.server;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;

/**
 * Runs one session's blocking work on the server's worker pool, one task at a time and in submission order, so
 * commands of a session stay in order while sessions run in parallel. The Vert.x "ordered" flag would order per
 * context, and every connection of a listener shares one context, so sessions would queue behind each other.
 *
 * <p>Used on the connection's event loop only; results complete on it.
 */
final class SessionQueue {
    private final Context context;
    private final WorkerExecutor workers;
    private Future<?> tail = Future.succeededFuture();

    SessionQueue(Context context, WorkerExecutor workers) {
        this.context = context;
        this.workers = workers;
    }

    /** Runs {@code task} after every task submitted before it. */
    <T> Future<T> submit(Callable<T> task) {
        Promise<T> promise = Promise.promise();
        tail.onComplete(previous -> context.runOnContext(v -> workers.<T>executeBlocking(task, false)
                .onComplete(promise)));
        tail = promise.future();
        return promise.future();
    }
}
