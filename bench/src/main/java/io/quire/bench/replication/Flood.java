package io.quire.bench.replication;

import io.quire.sdk.Transaction;
import io.quire.server.store.GitDatabase;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Closed-loop writes as many concurrent clients make them: single-document puts with at most
 * {@link #IN_FLIGHT} unacknowledged at a time, so group commit batches them as it would 64 writers.
 */
final class Flood {
    static final int IN_FLIGHT = 64;

    private Flood() {
    }

    /** Writes {@code count} documents ({@code make.apply(i)} is the i-th transaction); returns how many were refused. */
    static int write(GitDatabase db, int count, IntFunction<Transaction> make) throws InterruptedException {
        Semaphore window = new Semaphore(IN_FLIGHT);
        AtomicInteger refused = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            window.acquire();
            db.commitAsync(make.apply(i)).whenComplete((r, e) -> {
                if (e != null) refused.incrementAndGet();
                window.release();
            });
        }
        window.acquire(IN_FLIGHT);
        return refused.get();
    }
}
