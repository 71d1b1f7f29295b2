package io.quire.mail.store;

import io.quire.mail.store.MailStoreException.Kind;
import io.quire.sdk.Database;
import io.quire.sdk.QuireException;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs the writes of one user's mail one at a time (a lock per database), so UID and MODSEQ
 * allocation never races locally: bring the index to the head, plan one transaction from it,
 * commit it with If-Match on every document it read, and bring the index to the new head so the
 * caller's next read sees its write. When a replication merge moved a document in between, the
 * commit fails its precondition and the write is planned again from the merged state.
 */
final class Writer {
    private static final int MAX_ATTEMPTS = 50;

    private final Database db;
    private final MailIndex index;
    private final Consumer<MailIndex.Applied> published;
    private final int vanishedLimit;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    Writer(Database db, MailIndex index, Consumer<MailIndex.Applied> published, int vanishedLimit, Clock clock) {
        this.db = db;
        this.index = index;
        this.published = published;
        this.vanishedLimit = vanishedLimit;
        this.clock = clock;
    }

    /** Plans and commits one operation; {@code planner} may throw {@link MailStoreException}. */
    <T> T write(String what, Function<TxDraft, Plan<T>> planner) {
        lock.lock();
        try {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                published.accept(index.refresh());
                Plan<T> plan = planner.apply(new TxDraft(index.view(), vanishedLimit, clock, "mail: " + what));
                if (plan.tx().isEmpty()) return plan.result();
                try {
                    db.commit(plan.tx().get());
                } catch (QuireException.PreconditionFailed | QuireException.NotFound moved) {
                    continue; // a merge changed what we read: plan again from the merged state
                } catch (QuireException.Unavailable e) {
                    throw new MailStoreException(Kind.UNAVAILABLE, what + " failed, try again: " + e.getMessage());
                }
                published.accept(index.refresh());
                return plan.result();
            }
            throw new MailStoreException(Kind.UNAVAILABLE, what + ": the mailbox kept changing under the write; try again");
        } finally {
            lock.unlock();
        }
    }

    /** True when the calling thread holds the write lock (repairs must not be run from inside a write). */
    boolean heldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }
}
