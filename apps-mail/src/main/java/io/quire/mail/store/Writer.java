package io.quire.mail.store;

import io.quire.mail.store.MailStoreException.Kind;
import io.quire.sdk.Database;
import io.quire.sdk.QuireException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the writes of one user's mail in batches that share one commit (group commit). Callers
 * queue their operation; one caller at a time (the leader, any of them) brings the index to the
 * head, then plans every queued operation in queue order, each from the view the ones before it
 * leave ({@link TxDraft#nextView}), and commits them all as one transaction ({@link TxCombiner}).
 * Operations that arrive meanwhile form the next batch, so concurrent deliveries and flag changes
 * share a commit and its fsyncs instead of waiting for one each.
 *
 * <p>What the former lock per database guaranteed still holds: UIDs and MODSEQs are allocated by
 * one thread at a time from UIDNEXT and HIGHESTMODSEQ, every answer is given only after the commit
 * holding it is durable, and the batch commits whole or not at all. The commit keeps If-Match on
 * every document as committed before the batch: when a replication merge moved one in between, the
 * commit fails its precondition and the whole batch is planned again from the merged state.
 * Conflicts inside a batch are resolved by queue order, as the lock resolved them by arrival.
 */
final class Writer {
    private static final Logger log = LoggerFactory.getLogger(Writer.class);
    private static final int MAX_ATTEMPTS = 50;
    /** Bounds one batch, so one commit's latency (and memory: bodies travel in the transaction) stays bounded. */
    static final int MAX_BATCH_OPERATIONS = 256;
    static final long MAX_BATCH_BODY_BYTES = 32L << 20;

    private final Database db;
    private final MailIndex index;
    private final Consumer<MailIndex.Applied> published;
    private final int vanishedLimit;
    private final Clock clock;
    /** Guards {@link #leader}; waiters sleep on it. */
    private final Object turn = new Object();
    /** The thread running batches now, or null (guarded by {@link #turn}). */
    private Thread leader;
    /** Waiting operations; only the leader takes from it (and puts back at its head). */
    private final ConcurrentLinkedDeque<Request<?>> queue = new ConcurrentLinkedDeque<>();

    /** One queued operation; {@code alone}: never shares its commit (repairs plan from merge-guard state). */
    private record Request<T>(String what, Function<TxDraft, Plan<T>> planner, boolean alone, CompletableFuture<T> done) {
        void finish(Object result) {
            @SuppressWarnings("unchecked") T t = (T) result;
            done.complete(t);
        }
    }

    /** A request planned in the current attempt: its result or its failure, answered once the batch is durable. */
    private record Planned(Request<?> request, Object result, RuntimeException failure) {
        void answer() {
            if (failure != null) request.done().completeExceptionally(failure);
            else request.finish(result);
        }
    }

    Writer(Database db, MailIndex index, Consumer<MailIndex.Applied> published, int vanishedLimit, Clock clock) {
        this.db = db;
        this.index = index;
        this.published = published;
        this.vanishedLimit = vanishedLimit;
        this.clock = clock;
    }

    /** Plans and commits one operation, possibly in one commit with others; {@code planner} may throw {@link MailStoreException}. */
    <T> T write(String what, Function<TxDraft, Plan<T>> planner) {
        return await(submit(what, planner, false));
    }

    /** Like {@link #write}, in a commit of its own. */
    <T> T writeAlone(String what, Function<TxDraft, Plan<T>> planner) {
        return await(submit(what, planner, true));
    }

    /** Queues an operation without running it (tests queue several, then {@link #await} one to run them as one batch). */
    <T> CompletableFuture<T> submit(String what, Function<TxDraft, Plan<T>> planner, boolean alone) {
        if (heldByCurrentThread()) throw new IllegalStateException("a mail write from inside a write would wait for itself");
        Request<T> r = new Request<>(what, planner, alone, new CompletableFuture<>());
        queue.add(r);
        return r.done();
    }

    /**
     * Leads batches until {@code done} completes, then returns its result or throws its failure.
     * A caller waits for its answer or for the leader to finish, whichever comes first: waiting for
     * the lead itself would make every answered caller take it in turn just to learn it was answered,
     * and operations arriving meanwhile would commit one by one.
     */
    <T> T await(CompletableFuture<T> done) {
        boolean interrupted = false;
        while (!done.isDone()) {
            synchronized (turn) {
                while (leader != null && !done.isDone()) {
                    try {
                        turn.wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // the operation is queued and will be answered: wait for it
                    }
                }
                if (done.isDone()) break;
                leader = Thread.currentThread();
            }
            try {
                runBatch();
            } finally {
                synchronized (turn) {
                    leader = null;
                    turn.notifyAll();
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new MailStoreException(Kind.UNAVAILABLE, "write failed: " + e.getCause());
        }
    }

    /** Takes the next batch off the queue and commits it (leader only). */
    private void runBatch() {
        List<Request<?>> batch = new ArrayList<>();
        for (Request<?> r; batch.size() < MAX_BATCH_OPERATIONS && (r = queue.poll()) != null; ) {
            if (r.alone() && !batch.isEmpty()) {
                queue.addFirst(r);
                break;
            }
            batch.add(r);
            if (r.alone()) break;
        }
        if (!batch.isEmpty()) commit(batch);
    }

    /**
     * Plans and commits {@code batch} as one transaction, again from the merged state while a merge
     * moves what it read. Requests the last attempt did not reach go back to the queue's head.
     * Every answer, a planning failure too, is given only once the batch's outcome is known: each
     * was computed from a state the batch's commit makes real.
     */
    private void commit(List<Request<?>> batch) {
        try {
            commitOrThrow(batch);
        } catch (RuntimeException e) { // reading the index or the store failed, or a bug: each author hears of it
            log.warn("event=mail_batch_failed db={} operations={} error={}", db.name(), batch.size(), e.toString());
            for (Request<?> r : batch) if (!queue.contains(r)) r.done().completeExceptionally(e);
        }
    }

    private void commitOrThrow(List<Request<?>> batch) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            published.accept(index.refresh());
            PendingRevisions pending = new PendingRevisions();
            TxCombiner joined = new TxCombiner(pending);
            List<Planned> planned = new ArrayList<>(batch.size());
            IndexView view = index.view();
            TxDraft previous = null; // the last draft that wrote: the next operation plans from the view it leaves
            long bodyBytes = 0;
            int next = 0;
            while (next < batch.size()) {
                Request<?> r = batch.get(next++);
                if (previous != null) {
                    view = previous.nextView();
                    previous = null;
                }
                TxDraft d = new TxDraft(view, vanishedLimit, clock, "mail: " + r.what(), pending);
                Plan<?> plan;
                try {
                    plan = r.planner().apply(d);
                } catch (RuntimeException e) { // MailStoreException: the operation's answer; anything else: a bug, its author's alone
                    planned.add(new Planned(r, null, e));
                    continue;
                }
                planned.add(new Planned(r, plan.result(), null));
                if (plan.tx().isEmpty()) continue;
                joined.add(plan.tx().get());
                bodyBytes += d.bodyBytes();
                if (!d.tracked() || bodyBytes >= MAX_BATCH_BODY_BYTES) break; // the next one needs a view we cannot give
                previous = d;
            }
            for (int i = batch.size() - 1; i >= next; i--) queue.addFirst(batch.get(i));
            batch = batch.subList(0, next);
            if (joined.isEmpty()) {
                planned.forEach(Planned::answer);
                return;
            }
            try {
                db.commit(joined.build());
            } catch (QuireException.PreconditionFailed | QuireException.NotFound moved) {
                continue; // a merge changed what we read: plan the batch again from the merged state
            } catch (QuireException.Unavailable e) {
                for (Planned p : planned)
                    p.request().done().completeExceptionally(new MailStoreException(Kind.UNAVAILABLE,
                            p.request().what() + " failed, try again: " + e.getMessage()));
                return;
            } catch (QuireException e) {
                if (batch.size() == 1) {
                    batch.get(0).done().completeExceptionally(e);
                    return;
                }
                // Refused for a reason planning again cannot change (a schema violation, say): commit
                // each operation alone, so that only the author of the bad one hears of it.
                log.warn("event=mail_batch_refused db={} operations={} error={}", db.name(), batch.size(), e.toString());
                for (Request<?> r : batch) commit(List.of(r));
                return;
            }
            published.accept(index.refresh());
            planned.forEach(Planned::answer);
            return;
        }
        for (Request<?> r : batch)
            r.done().completeExceptionally(new MailStoreException(Kind.UNAVAILABLE,
                    r.what() + ": the mailbox kept changing under the write; try again"));
    }

    /** True when the calling thread is leading a batch (repairs must not be run from inside a write). */
    boolean heldByCurrentThread() {
        synchronized (turn) {
            return leader == Thread.currentThread();
        }
    }
}
