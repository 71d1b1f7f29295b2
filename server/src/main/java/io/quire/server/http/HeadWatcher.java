package io.quire.server.http;

import io.quire.sdk.Database;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Waits, without holding a thread, for a database's head to move away from a known commit. */
@FunctionalInterface
public interface HeadWatcher {
    /**
     * Completes with the new head as soon as the head differs from {@code since} (at once if it
     * already does), or with {@code since} when {@code timeoutMillis} pass first.
     */
    CompletableFuture<String> awaitHeadChange(String since, long timeoutMillis);

    /**
     * A watcher built on {@link Database#listen}, for stores without a native one. Blocking (it
     * reads the head once): call it off the event loop.
     */
    static HeadWatcher listening(Database db) {
        return (since, timeoutMillis) -> {
            CompletableFuture<String> moved = new CompletableFuture<>();
            AutoCloseable handle = db.listen(batch -> moved.complete(batch.until()));
            // listen first, then read: a commit between the two is seen by one of them
            String head = db.head();
            if (!head.equals(since)) moved.complete(head);
            moved.completeOnTimeout(since, timeoutMillis, TimeUnit.MILLISECONDS);
            return moved.whenComplete((h, e) -> {
                try {
                    handle.close();
                } catch (Exception ignored) {
                    // the listener only stops being called
                }
            });
        };
    }
}
