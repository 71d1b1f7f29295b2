package io.quire.server.store;

import io.quire.sdk.CommitResult;
import io.quire.sdk.QuireException;
import io.quire.sdk.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of one database. Writes that arrive while a commit is being made wait in the
 * queue and go into the next commit together (group commit); each caller's future completes only
 * after the commit holding its write is durable. Exclusive jobs (merges, schema changes, pruning)
 * run alone between groups, so nothing else ever moves the branch.
 */
final class GroupCommitter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);
    /** Bounds one group so a commit's latency stays bounded under a flood of writers. */
    static final int MAX_GROUP_OPS = 2_000;

    sealed interface Job permits WriteJob, ExclusiveJob {
    }

    record WriteJob(Transaction tx, CompletableFuture<CommitResult> done) implements Job {
    }

    record ExclusiveJob(Runnable work) implements Job {
    }

    /** Applies a group of writes; implemented by the database. */
    interface Sink {
        void commitGroup(List<WriteJob> group);
    }

    private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Sink sink;
    private volatile boolean closed;

    GroupCommitter(String name, Sink sink) {
        this.sink = sink;
        this.thread = Thread.ofPlatform().name("quire-commit-" + name).daemon(true).unstarted(this::run);
        this.thread.start();
    }

    CompletableFuture<CommitResult> submit(Transaction tx) {
        CompletableFuture<CommitResult> f = new CompletableFuture<>();
        if (closed) f.completeExceptionally(new QuireException.Unavailable("database is closed"));
        else queue.add(new WriteJob(tx, f));
        return f;
    }

    <T> CompletableFuture<T> exclusive(java.util.concurrent.Callable<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        if (closed) {
            f.completeExceptionally(new QuireException.Unavailable("database is closed"));
            return f;
        }
        queue.add(new ExclusiveJob(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        }));
        return f;
    }

    /**
     * Removes and returns the writes waiting at the head of the queue, up to the group bound,
     * stopping at the first exclusive job (writer thread only: lets an integration commit them with
     * its merge, in queue order).
     */
    List<WriteJob> takeQueuedWrites() {
        List<WriteJob> group = new ArrayList<>();
        int ops = 0;
        while (ops < MAX_GROUP_OPS && queue.peek() instanceof WriteJob w && queue.poll() == w) {
            group.add(w);
            ops += w.tx().ops().size();
        }
        return group;
    }

    boolean onCommitterThread() {
        return Thread.currentThread() == thread;
    }

    private void run() {
        List<WriteJob> group = new ArrayList<>();
        Job pending = null;
        while (!closed || pending != null || !queue.isEmpty()) {
            try {
                Job job = pending != null ? pending : queue.poll(200, TimeUnit.MILLISECONDS);
                pending = null;
                if (job == null) continue;
                if (job instanceof ExclusiveJob ex) {
                    ex.work().run();
                    continue;
                }
                group.clear();
                int ops = 0;
                for (Job j = job; j != null; j = queue.poll()) {
                    if (j instanceof WriteJob w) {
                        group.add(w);
                        ops += w.tx().ops().size();
                        if (ops >= MAX_GROUP_OPS) break;
                    } else {
                        pending = j; // an exclusive job waits for this group, keeping queue order
                        break;
                    }
                }
                sink.commitGroup(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable t) {
                // A bug in one group must not kill the writer; every waiter gets an answer.
                log.error("event=group_commit_failed", t);
                for (WriteJob w : group) w.done().completeExceptionally(new QuireException.Unavailable("write failed: " + t));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        queue.add(new ExclusiveJob(() -> { })); // wakes the writer now instead of at its next poll timeout
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Job j; (j = queue.poll()) != null; )
            if (j instanceof WriteJob w) w.done().completeExceptionally(new QuireException.Unavailable("database is closed"));
    }
}
