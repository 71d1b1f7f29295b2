package io.quire.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.merge.Hlc;
import io.quire.merge.document.DocumentCodec;
import io.quire.schema.Schema;
import io.quire.schema.parse.SchemaException;
import io.quire.sdk.ChangeBatch;
import io.quire.sdk.ChangeListener;
import io.quire.sdk.CommitResult;
import io.quire.sdk.ConflictRecord;
import io.quire.sdk.Database;
import io.quire.sdk.DatabaseInfo;
import io.quire.sdk.Document;
import io.quire.sdk.DocumentId;
import io.quire.sdk.DocumentVersion;
import io.quire.sdk.Page;
import io.quire.sdk.QuireException;
import io.quire.sdk.Revision;
import io.quire.sdk.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database stored in one bare Git repository: reads from an immutable {@link Head}, writes through
 * the {@link GroupCommitter}. Every change is one commit on {@code refs/heads/main}.
 */
public final class GitDatabase implements Database, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GitDatabase.class);

    private final String name;
    private final String node;
    private final FileRepository repo;
    private final GroupCommitter committer;
    private final CommitWriter commits;
    private final ExecutorService notifier;
    private final List<Consumer<HeadChange>> headListeners = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<String>> headWaiters = new CopyOnWriteArrayList<>();
    private volatile Head head;
    /** An integration's merge, written but not yet on main (writer thread only; see {@link #integrateWith}). */
    private Head pending;
    private boolean deferring; // writer thread only
    private Hlc lastClock = Hlc.ZERO; // committer thread only
    /** Pack rewrites (write side) against Git transport on this repository (read side): see {@link #objectsLock()}. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock objectsLock = new java.util.concurrent.locks.ReentrantReadWriteLock();

    /** A head move: from and to (commits; from is null for the first commit). */
    public record HeadChange(ObjectId from, ObjectId to, Head head) {
    }

    GitDatabase(String name, String node, FileRepository repo) throws IOException {
        this.name = name;
        this.node = node;
        this.repo = repo;
        this.commits = new CommitWriter(repo);
        this.head = loadHead();
        this.notifier = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("quire-notify-" + name).daemon(true).factory());
        this.committer = new GroupCommitter(name, this::commitGroup);
    }

    public FileRepository repository() {
        return repo;
    }

    public String node() {
        return node;
    }

    /**
     * The lock discipline of the object database (issue 3). Whatever deletes packs or rewrites the
     * shallow file (compaction, pruning) holds the write side, on the writer thread; every Git
     * transport operation on this repository (upload-pack, receive-pack, a fetch into it or a push
     * from it) holds the read side for its duration, and so does a background
     * {@linkplain PackConsolidation consolidation}, which deletes packs but never an object (every
     * object of a pack it deletes is in an installed, durable pack first). A transport operation reads the ref and pack
     * lists, checks connectivity against objects that exist now and moves a ref later; a repack in
     * between could delete a parent it just checked. Plain reads of the head need no lock: they only
     * touch objects main reaches, which every repack keeps, and JGit re-scans the pack directory
     * when a pack it had open was replaced. Maintenance waits a bounded time for the write side and
     * otherwise skips its run, so a slow clone delays pruning, never writes.
     */
    public java.util.concurrent.locks.ReentrantReadWriteLock objectsLock() {
        return objectsLock;
    }

    public Head currentHead() {
        return head;
    }

    private Head loadHead() throws IOException {
        Ref ref = repo.exactRef(StoreLayout.MAIN_REF);
        if (ref == null || ref.getObjectId() == null) throw new IOException("database " + name + " has no main branch");
        return headAt(ref.getObjectId());
    }

    Head headAt(ObjectId commit) throws IOException {
        try (RevWalk rw = new RevWalk(repo)) {
            RevCommit c = rw.parseCommit(commit);
            PersistentTree tree = PersistentTree.load(repo, c.getTree().getId());
            return new Head(commit, tree, readSchema(tree));
        }
    }

    Schema readSchema(PersistentTree tree) throws IOException {
        ObjectId id = tree.blob(StoreLayout.META_DIR + "/" + StoreLayout.SCHEMA_FILE);
        if (id == null) throw new IOException("database " + name + " has no schema");
        String text = new String(repo.open(id, Constants.OBJ_BLOB).getCachedBytes(), StandardCharsets.UTF_8);
        try {
            return MergeEngine.parseSchema(text);
        } catch (SchemaException e) {
            throw new IOException("stored schema of " + name + " does not parse: " + e.getMessage(), e);
        }
    }

    // ---- reads -------------------------------------------------------------------------------

    @Override
    public String name() {
        return name;
    }

    @Override
    public String head() {
        return head.commitName();
    }

    public Schema schema() {
        return head.schema();
    }

    @Override
    public DatabaseInfo info() {
        Head h = head;
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String type : h.schema().types().keySet()) {
            PersistentTree t = h.tree().dir(type);
            long n = 0;
            if (t != null) for (String bucket : t.names()) {
                long[] c = {0};
                t.dir(bucket).forEachBlob(null, (entry, id) -> {
                    if (entry.endsWith(StoreLayout.DOC_SUFFIX)) c[0]++;
                });
                n += c[0];
            }
            counts.put(type, n);
        }
        return new DatabaseInfo(name, replicaId(h), h.commitName(), h.schema(), counts);
    }

    private String replicaId(Head h) {
        ObjectId id = h.tree().blob(StoreLayout.META_DIR + "/" + StoreLayout.DATABASE_FILE);
        if (id == null) return "";
        return readJson(id).path("replicaId").asText("");
    }

    private JsonNode readJson(ObjectId blob) {
        try {
            return DocumentCodec.MAPPER.readTree(repo.open(blob, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Document> get(DocumentId id) {
        ObjectId blob = head.tree().blob(StoreLayout.docPath(id));
        return blob == null ? Optional.empty() : Optional.of(document(id, blob));
    }

    Document document(DocumentId id, ObjectId blob) {
        try {
            byte[] bytes = repo.open(blob, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
            return new Document(id, new Revision(blob.name()), DocumentCodec.decode(bytes).data());
        } catch (IOException e) {
            throw new QuireException.Unavailable("cannot read " + id + ": " + e.getMessage());
        }
    }

    @Override
    public Optional<byte[]> blob(String blobId) {
        if (blobId == null || !ObjectId.isId(blobId)) throw new QuireException.InvalidRequest("invalid blob id '" + blobId + "'");
        try (ObjectReader r = repo.newObjectReader()) {
            ObjectId id = ObjectId.fromString(blobId);
            if (!r.has(id, Constants.OBJ_BLOB)) return Optional.empty();
            return Optional.of(r.open(id, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE));
        } catch (IOException e) {
            throw new QuireException.Unavailable("cannot read blob " + blobId + ": " + e.getMessage());
        }
    }

    @Override
    public Page list(String type, Optional<String> after, int limit) {
        if (DocumentId.problem(type, "x") != null) throw new QuireException.InvalidRequest(DocumentId.problem(type, "x"));
        Head h = head;
        if (h.schema().type(type).isEmpty())
            throw new QuireException.NotFound("schema '" + h.schema().name() + "' has no document type '" + type + "'");
        int max = Math.max(1, Math.min(limit, 1000));
        List<Document> docs = new ArrayList<>();
        PersistentTree t = h.tree().dir(type);
        if (t == null) return new Page(docs, Optional.empty());
        int startBucket = after.map(StoreLayout::bucket).orElse(0);
        String afterEntry = after.map(StoreLayout::docEntry).orElse(null);
        for (int b = startBucket; b < 256 && docs.size() < max; b++) {
            PersistentTree bucket = t.dir(StoreLayout.bucketName(b));
            if (bucket == null) continue;
            bucket.forEachBlob(b == startBucket ? afterEntry : null, (entry, blob) -> {
                if (docs.size() >= max || !entry.endsWith(StoreLayout.DOC_SUFFIX)) return;
                String id = entry.substring(0, entry.length() - StoreLayout.DOC_SUFFIX.length());
                docs.add(document(new DocumentId(type, id), blob));
            });
        }
        Optional<String> next = docs.size() == max ? Optional.of(docs.get(docs.size() - 1).id().id()) : Optional.empty();
        return new Page(docs, next);
    }

    @Override
    public ChangeBatch changes(String since, int limit) {
        return ChangeFeed.changes(repo, since == null ? "" : since, head, Math.max(1, limit));
    }

    @Override
    public List<DocumentVersion> history(DocumentId id, int limit) {
        return DocumentHistory.of(repo, head, id, Math.max(1, Math.min(limit, 1000)));
    }

    @Override
    public List<ConflictRecord> conflicts(int limit) {
        return ConflictLog.list(repo, head.tree(), Math.max(1, limit));
    }

    // ---- writes ------------------------------------------------------------------------------

    @Override
    public CommitResult commit(Transaction tx) {
        return await(committer.submit(tx));
    }

    public CompletableFuture<CommitResult> commitAsync(Transaction tx) {
        return committer.submit(tx);
    }

    static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuireException.Unavailable("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof QuireException q) throw q;
            if (e.getCause() instanceof UncheckedIOException u) throw new QuireException.Unavailable(u.getMessage());
            throw new QuireException.Unavailable("write failed: " + e.getCause());
        }
    }

    /** Group commit: applies each transaction, then writes one commit for all that succeeded. */
    private void commitGroup(List<GroupCommitter.WriteJob> group) {
        Head h = pending != null ? pending : head; // on top of a merge not yet on main (integrateWith)
        List<CompletableFuture<CommitResult>> ok = new ArrayList<>();
        List<List<CommitResult.Written>> results = new ArrayList<>();
        try (ObjectInserter ins = Compaction.inserter(repo); ObjectReader reader = ins.newReader()) {
            WriteApplier applier = new WriteApplier(h, ins, reader, this::nextClock);
            for (GroupCommitter.WriteJob job : group) {
                try {
                    results.add(applier.apply(job.tx()));
                    ok.add(job.done());
                } catch (QuireException e) {
                    job.done().completeExceptionally(e);
                } catch (RuntimeException e) {
                    log.warn("event=write_rejected db={} error={}", name, e.toString());
                    job.done().completeExceptionally(new QuireException.InvalidRequest("write refused: " + e.getMessage()));
                }
            }
            if (ok.isEmpty()) return;
            PersistentTree tree = h.tree().with(applier.changes()).write(ins);
            if (tree.id().equals(h.tree().id())) { // nothing changed (e.g. identical rewrites): no empty commit
                if (pending != null) settlePending(); // what they read must be durable before they are acknowledged
                for (int i = 0; i < ok.size(); i++) ok.get(i).complete(new CommitResult(h.commitName(), results.get(i)));
                return;
            }
            StringBuilder msg = new StringBuilder("quire: ").append(ok.size()).append(ok.size() == 1 ? " write" : " writes");
            for (GroupCommitter.WriteJob job : group)
                if (!job.tx().message().isEmpty() && ok.contains(job.done())) msg.append("\n\n").append(job.tx().message());
            ObjectId c = CommitWriter.commit(ins, tree.id(), List.of(h.commit()), CommitWriter.ident(node, Instant.now()), msg.toString());
            commits.flushDurably(ins); // also forces the pack of a merge made just before (integrateWith)
            if (!commits.moveRef(StoreLayout.MAIN_REF, head.commit(), c))
                throw new IOException("main moved under the committer");
            pending = null;
            publish(new Head(c, tree, h.schema()));
            for (int i = 0; i < ok.size(); i++) ok.get(i).complete(new CommitResult(c.name(), results.get(i)));
            maybeConsolidate();
            maybeCompact();
        } catch (IOException | RuntimeException e) {
            log.error("event=commit_failed db={}", name, e);
            for (CompletableFuture<CommitResult> f : ok)
                f.completeExceptionally(new QuireException.Unavailable("commit failed: " + e.getMessage()));
        }
    }

    private int commitsSinceCompactionCheck;
    private boolean compactionQueued;

    /** Runs consolidations beside the writers (shared by all databases; at most one run per database). */
    private static final ExecutorService CONSOLIDATOR =
            Executors.newCachedThreadPool(Thread.ofPlatform().name("quire-consolidate-", 0).daemon(true).factory());
    private final java.util.concurrent.atomic.AtomicBoolean consolidating = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile CompletableFuture<Void> consolidation = CompletableFuture.completedFuture(null);
    private volatile boolean closing;

    /**
     * Once packs pile up, starts a {@linkplain PackConsolidation consolidation} in the background
     * (called by the writer after it wrote a pack; returns at once). Routine compaction thus no longer
     * stops the writer: the writer-thread repack of {@link #maybeCompact} is only the fallback for
     * packs piling up faster than consolidations fold them.
     */
    private void maybeConsolidate() {
        if (closing || consolidating.get() || !PackConsolidation.due(repo)) return;
        if (!consolidating.compareAndSet(false, true)) return;
        consolidation = CompletableFuture.runAsync(this::consolidate, CONSOLIDATOR);
    }

    private void consolidate() {
        try {
            if (closing) return;
            // The read side, as a Git transport: excludes repacks and prunes (they delete objects), not
            // transfers. No waiting and no barging past a queued repack: if one holds or wants the
            // write side, it folds the packs itself.
            java.util.concurrent.locks.Lock shared = objectsLock.readLock();
            if (!shared.tryLock(0, java.util.concurrent.TimeUnit.NANOSECONDS)) return;
            try {
                long start = System.nanoTime();
                PackConsolidation.Outcome o = PackConsolidation.run(repo);
                if (o.folded() > 0)
                    log.info("event=consolidated db={} packs={} objects={} bytes={} ms={}", name, o.folded(), o.objects(), o.bytes(),
                            (System.nanoTime() - start) / 1_000_000);
            } finally {
                shared.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.warn("event=consolidation_failed db={} error={}", name, e.toString());
        } finally {
            consolidating.set(false);
        }
    }

    /** One consolidation now, on the calling thread, after any background run (tests). */
    PackConsolidation.Outcome consolidateNow(int minFold) throws IOException, InterruptedException {
        while (!consolidating.compareAndSet(false, true)) Thread.sleep(1);
        try {
            objectsLock.readLock().lock();
            try {
                return PackConsolidation.run(repo, minFold);
            } finally {
                objectsLock.readLock().unlock();
            }
        } finally {
            consolidating.set(false);
        }
    }

    /**
     * Fallback: every few commits, queues a full repack behind the waiting writes when packs pile up
     * beyond {@link Compaction#AUTO_REPACK_PACKS} even so (writer thread).
     */
    private void maybeCompact() {
        if (++commitsSinceCompactionCheck < 16 || compactionQueued) return;
        commitsSinceCompactionCheck = 0;
        if (repo.getObjectDatabase().getPacks().size() <= Compaction.AUTO_REPACK_PACKS) return;
        compactionQueued = true;
        committer.exclusive(() -> {
            long start = System.nanoTime();
            try {
                if (!objectsLock.writeLock().tryLock(2, java.util.concurrent.TimeUnit.SECONDS)) {
                    log.info("event=compaction_deferred db={} reason=git_transport_busy", name);
                    return null;
                }
                try {
                    Compaction.repack(repo);
                } finally {
                    objectsLock.writeLock().unlock();
                }
                log.info("event=compacted db={} ms={}", name, (System.nanoTime() - start) / 1_000_000);
            } finally {
                compactionQueued = false;
            }
            return null;
        }).exceptionally(e -> {
            log.warn("event=compaction_failed db={} error={}", name, e.toString());
            return null;
        });
    }

    private Hlc nextClock() {
        lastClock = lastClock.tick(System.currentTimeMillis(), node);
        return lastClock;
    }

    /** Raises the local clock above a reading seen in merged data (called from the committer thread). */
    void observeClock(Hlc seen) {
        lastClock = lastClock.observe(seen, System.currentTimeMillis(), node);
    }

    /** Runs work alone on the writer thread (merges, schema changes, pruning) and waits for it. */
    public <T> T exclusive(java.util.concurrent.Callable<T> work) {
        if (committer.onCommitterThread()) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new QuireException.Unavailable(e.getMessage());
            }
        }
        return await(committer.exclusive(work));
    }

    /**
     * Makes {@code commit} the new head (writer thread only): flushes nothing itself, so callers
     * flush their inserter durably first with {@link #flushDurably}.
     */
    void advance(ObjectId commit) throws IOException {
        if (deferring) { // an integration: main moves with the writes queued behind it (integrateWith)
            pending = headAt(commit);
            return;
        }
        Head h = head;
        if (!commits.moveRef(StoreLayout.MAIN_REF, h.commit(), commit)) throw new IOException("main moved under the writer");
        publish(headAt(commit));
        maybeConsolidate(); // merges write packs too
    }

    void flushDurably(ObjectInserter ins) throws IOException {
        if (deferring) {
            ins.flush(); // forced before main names it: by the group commit or settlePending (integrateWith)
            return;
        }
        commits.flushDurably(ins);
    }

    /** Makes the pending merge durable and moves main to it (writer thread). */
    private void settlePending() throws IOException {
        Head p = pending;
        try (ObjectInserter none = Compaction.inserter(repo)) {
            commits.flushDurably(none); // writes nothing: forces the new packs and the pack directory
        }
        if (!commits.moveRef(StoreLayout.MAIN_REF, head.commit(), p.commit())) throw new IOException("main moved under the writer");
        pending = null;
        publish(p);
        maybeConsolidate();
    }

    private void publish(Head next) {
        Head prev = head;
        head = next;
        HeadChange change = new HeadChange(prev.commit(), next.commit(), next);
        for (CompletableFuture<String> w : headWaiters) {
            if (w.complete(next.commitName())) headWaiters.remove(w);
        }
        if (!headListeners.isEmpty()) notifier.execute(() -> {
            for (Consumer<HeadChange> l : headListeners) {
                try {
                    l.accept(change);
                } catch (RuntimeException e) {
                    log.warn("event=listener_failed db={} error={}", name, e.toString());
                }
            }
        });
    }

    /** Completes with the head once it differs from {@code since} (at once if it already does), or with the same head at the timeout. */
    public CompletableFuture<String> awaitHeadChange(String since, long timeoutMillis) {
        CompletableFuture<String> f = new CompletableFuture<>();
        headWaiters.add(f);
        if (!head.commitName().equals(since)) f.complete(head.commitName());
        f.completeOnTimeout(head.commitName(), timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        f.whenComplete((v, e) -> headWaiters.remove(f));
        return f;
    }

    /** Low-level head listener (replication, derived indexes): called in commit order on a notifier thread. */
    public AutoCloseable onHeadChange(Consumer<HeadChange> l) {
        headListeners.add(l);
        return () -> headListeners.remove(l);
    }

    @Override
    public AutoCloseable listen(ChangeListener listener) {
        return onHeadChange(c -> listener.onChange(ChangeFeed.between(repo, c.from(), c.to())));
    }

    /**
     * Integrates a commit already in this repository (fetched or pushed by a peer) into main: nothing,
     * a fast-forward, or a deterministic merge. {@code fallbackBase}: the last commit confirmed common
     * with that peer, used as the merge base when history was pruned and no common ancestor is left
     * (may be null). Returns the new head.
     */
    public String integrate(ObjectId other, ObjectId fallbackBase) {
        return integrateWith(other, fallbackBase).head().name();
    }

    /**
     * {@link #integrate}, telling also whether main now contains {@code other} (replication checkpoints need it).
     *
     * <p>The merge (or fast-forward) and the writes queued behind it become durable together: the
     * merge's pack is flushed but not forced, main does not move yet, and the writes waiting at the
     * head of the queue are committed at once on top of the merge, so one round of syncs (the packs
     * forced together, the directory, the ref) and one head change serve both; before, a merge cost
     * a round of its own, on the same writer thread. With no write waiting, the merge is made
     * durable and adopted alone. Either way main holds the merge on disk before this returns (the
     * caller records a checkpoint next), readers never see it before it is durable, and a crash
     * before that loses only an unreferenced pack: the peer's head is still on its ref.
     */
    public Integration integrateWith(ObjectId other, ObjectId fallbackBase) {
        return exclusive(() -> {
            try {
                deferring = true;
                Integration r;
                try {
                    r = BranchMerge.integrate(this, other, fallbackBase);
                } finally {
                    deferring = false;
                }
                if (pending != null) {
                    List<GroupCommitter.WriteJob> writes = committer.takeQueuedWrites();
                    if (!writes.isEmpty()) commitGroup(writes);
                    if (pending != null) settlePending(); // no writes, or they failed: the merge alone
                }
                return r;
            } finally {
                pending = null; // a failed settle: main stays where it is on disk
            }
        });
    }

    /**
     * Replaces the schema with a newer version (one commit; replicates like any change, and a merge
     * keeps the higher version). Existing documents are not re-validated: the new rules apply to
     * later writes. Returns the new head.
     */
    public String updateSchema(String schemaText) {
        Schema next = GitDatabases.parseSchema(schemaText);
        return exclusive(() -> {
            Head h = head;
            if (!next.name().equals(h.schema().name()))
                throw new QuireException.InvalidRequest("schema name '" + next.name() + "' does not match '" + h.schema().name() + "'");
            if (next.version() <= h.schema().version())
                throw new QuireException.AlreadyExists("database '" + name + "' has schema version " + h.schema().version()
                        + "; send a higher version to change it");
            try (ObjectInserter ins = Compaction.inserter(repo)) {
                ObjectId blob = ins.insert(Constants.OBJ_BLOB,
                        io.quire.schema.parse.SchemaWriter.toJson(next).getBytes(StandardCharsets.UTF_8));
                PersistentTree tree = h.tree().with(Map.of(StoreLayout.META_DIR + "/" + StoreLayout.SCHEMA_FILE, blob)).write(ins);
                ObjectId c = CommitWriter.commit(ins, tree.id(), List.of(h.commit()), CommitWriter.ident(node, Instant.now()),
                        "quire: schema " + next.name() + " version " + next.version());
                commits.flushDurably(ins);
                advance(c);
                return c.name();
            }
        });
    }

    /** Merges branch {@code refs/heads/<branch>} into main with the schema's policies; returns the new head. */
    public String mergeBranch(String branch) {
        return exclusive(() -> BranchMerge.run(this, branch));
    }

    @Override
    public void close() {
        closing = true;
        committer.close();
        try {
            consolidation.get(60, java.util.concurrent.TimeUnit.SECONDS); // it reads the repository closed below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("event=consolidation_unfinished_at_close db={} error={}", name, e.toString());
        }
        notifier.shutdown();
        repo.close();
    }

    @Override
    public String toString() {
        return "GitDatabase[" + name + "@" + node + "]";
    }
}
