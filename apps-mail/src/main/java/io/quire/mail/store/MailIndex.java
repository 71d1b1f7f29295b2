package io.quire.mail.store;

import io.quire.mail.store.EntryList.Removal;
import io.quire.mail.store.EntryList.Row;
import io.quire.mail.store.MailDocs.IndexedMessage;
import io.quire.mail.store.MailDocs.VanishedRecord;
import io.quire.sdk.Change;
import io.quire.sdk.ChangeBatch;
import io.quire.sdk.Database;
import io.quire.sdk.Document;
import io.quire.sdk.DocumentId;
import io.quire.sdk.Page;
import io.quire.sdk.QuireException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The derived index of one user's mail database (not replicated; rebuilt from Git when missing):
 * per mailbox, the messages sorted by UID and the vanished records. Built once by listing the
 * database, then kept up to date from each head change's {@link ChangeBatch}, so its cost follows
 * the change, not the mailbox size.
 *
 * <p>Documents named in a batch are read at the database's current head, which may already be past
 * the batch's end; applying the next batch then reads them again. Reads are therefore idempotent,
 * and the index always converges on the head. Updates are serialised by one lock; readers take the
 * published {@link IndexView} and never wait.
 *
 * <p>Through its {@link MergeGuard} it never shows what a merge can get wrong for clients: a UID
 * handed out twice, a counter gone down, a change with a stale modseq.
 *
 * <p>It also notices <em>departures</em>: a message that was at (mailbox, UID) and no longer is.
 * Local writes record a vanished document in the same commit; a departure without one was made by
 * a merge (UID renumbering, a concurrent move that lost), and the store records it afterwards so
 * QRESYNC clients hear of it ({@link Repairs}).
 *
 * <p>With a snapshot file it starts from the view last {@linkplain #persist() saved} there and reads only the
 * changes since (an {@link IndexSnapshot}); without one, or when the file cannot be used, it lists the database.
 */
final class MailIndex {
    private static final Logger LOG = LoggerFactory.getLogger(MailIndex.class);
    /** Below this many messages a full listing is quick, and no snapshot is written after one. */
    private static final int SNAPSHOT_AFTER_BUILD_MIN = 5_000;
    /**
     * Documents applied after which the snapshot is saved again in the background: a snapshot older than the
     * retained history cannot be caught up with (pruning), and a long catch-up costs what a listing would.
     */
    private static final int SNAPSHOT_EVERY_CHANGES = 50_000;
    private static final int PAGE = 1000;
    private static final int CHANGES_PER_READ = 10_000;

    /** A message that left a (mailbox, UID) place. */
    record Departure(String mailboxId, long uid, String messageId) {
    }

    /** The views before and after one update, and the mailbox ids whose content changed. */
    record Applied(IndexView before, IndexView after, Set<String> changedMailboxIds) {
        boolean isEmpty() {
            return changedMailboxIds.isEmpty() && before == after;
        }
    }

    private record Loc(String mailboxId, long uid) {
    }

    private final Database db;
    private final Optional<Path> snapshotFile;
    private final Object lock = new Object();
    private final Object saveLock = new Object();
    private final Map<String, Loc> where = new HashMap<>();          // message id -> place (guarded by lock)
    private final Map<String, String> vanishedBox = new HashMap<>(); // vanished doc id -> mailbox id (guarded by lock)
    private final Set<Departure> departures = ConcurrentHashMap.newKeySet();
    private final MergeGuard guard = new MergeGuard(); // guarded by lock
    private volatile IndexView view = IndexView.EMPTY;
    private boolean built; // guarded by lock
    private boolean snapshotTried; // guarded by lock: a snapshot is loaded at most once, at the first build
    private String savedHead = ""; // guarded by saveLock
    private int changesSinceSave; // guarded by lock

    MailIndex(Database db) {
        this(db, Optional.empty());
    }

    /** An index that starts from, and saves to, {@code snapshotFile} when given. */
    MailIndex(Database db, Optional<Path> snapshotFile) {
        this.db = db;
        this.snapshotFile = snapshotFile;
    }

    IndexView view() {
        return view;
    }

    /** Departures waiting for a vanished record. */
    Set<Departure> departures() {
        return departures;
    }

    /** Brings the index to the database's current head (building it first if needed). */
    Applied refresh() {
        boolean listed;
        Applied applied;
        synchronized (lock) {
            listed = !built;
            applied = refreshLocked();
            listed &= !loadedFromSnapshot;
        }
        if (listed && view.messages().values().stream().mapToInt(EntryList::size).sum() >= SNAPSHOT_AFTER_BUILD_MIN) {
            persist(); // the listing was slow: do not pay it again after a crash
        }
        return applied;
    }

    private boolean loadedFromSnapshot; // guarded by lock

    /** Whether this index started from its snapshot file rather than a listing (tests). */
    boolean loadedFromSnapshot() {
        synchronized (lock) {
            return loadedFromSnapshot;
        }
    }

    private Applied refreshLocked() {
        IndexView start = view;
        Set<String> changed = new HashSet<>();
        if (!built) {
            build();
            changed.addAll(view.mailboxes().keySet());
        }
        while (true) { // each round moves the view's head forward, or stops
            String target = db.head();
            if (target.equals(view.head())) break;
            ChangeBatch b;
            try {
                b = db.changes(view.head(), CHANGES_PER_READ);
            } catch (QuireException.NotFound pruned) { // our head left the retained history: start over
                loadedFromSnapshot = false;
                build();
                changed.addAll(view.mailboxes().keySet());
                continue;
            }
            if (b.until().equals(view.head())) break;
            changed.addAll(apply(b.until(), b.changes()));
        }
        return new Applied(start, view, changed);
    }

    /** Applies a listener's batch when it follows the index's head; otherwise catches up with a refresh. */
    Applied onBatch(ChangeBatch batch) {
        synchronized (lock) {
            if (!built || !batch.since().equals(view.head())) return refresh();
            IndexView before = view;
            Set<String> changed = apply(batch.until(), batch.changes());
            return new Applied(before, view, changed);
        }
    }

    private void build() {
        where.clear();
        vanishedBox.clear();
        guard.clear();
        if (!snapshotTried && snapshotFile.isPresent()) {
            snapshotTried = true;
            if (load(snapshotFile.get())) return;
        }
        String head = db.head();
        Map<String, MailboxRecord> boxes = new HashMap<>();
        forEach(MailDocs.MAILBOX, d -> MailDocs.mailbox(d).ifPresent(m -> boxes.put(m.id(), m)));
        Map<String, List<Row>> rows = new HashMap<>();
        forEach(MailDocs.MESSAGE, d -> MailDocs.message(d).ifPresent(m -> {
            rows.computeIfAbsent(m.mailboxId(), k -> new ArrayList<>()).add(new Row(m.entry(), m.rev()));
            where.put(m.entry().id(), new Loc(m.mailboxId(), m.entry().uid()));
        }));
        Map<String, List<VanishedRecord>> gone = new HashMap<>();
        forEach(MailDocs.VANISHED, d -> MailDocs.vanished(d).ifPresent(v -> {
            gone.computeIfAbsent(v.mailboxId(), k -> new ArrayList<>()).add(v);
            vanishedBox.put(v.docId(), v.mailboxId());
        }));
        Map<String, EntryList> messages = new HashMap<>();
        rows.forEach((box, r) -> messages.put(box, EntryList.of(r)));
        Map<String, VanishedList> vanished = new HashMap<>();
        gone.forEach((box, v) -> vanished.put(box, VanishedList.of(v)));
        Optional<Document> account = db.get(MailDocs.ACCOUNT_ID);
        view = new IndexView(head, boxes, messages, vanished,
                account.map(a -> a.data().path("uidValidityHigh").asLong(0)).orElse(0L),
                account.map(a -> a.rev().value()).orElse(null), guard);
        built = true;
    }

    /** Starts from a saved view; false (and the file removed) when there is none or it cannot be used. */
    private boolean load(Path file) {
        long t0 = System.nanoTime();
        Optional<IndexSnapshot.Content> c;
        try {
            c = IndexSnapshot.read(file, db.name());
        } catch (IOException | RuntimeException e) {
            LOG.warn("event=mail_index_snapshot_unusable db={} file={} reason=\"{}\"", db.name(), file, e.toString());
            deleteQuietly(file);
            return false;
        }
        if (c.isEmpty()) return false;
        IndexSnapshot.Content s = c.get();
        s.messages().forEach((box, l) -> {
            for (MessageEntry e : l) where.put(e.id(), new Loc(box, e.uid()));
        });
        s.vanished().forEach((box, l) -> {
            for (VanishedRecord r : l.all()) vanishedBox.put(r.docId(), box);
        });
        view = new IndexView(s.head(), s.mailboxes(), s.messages(), s.vanished(), s.uidValidityHigh(), s.accountRev(), guard);
        built = true;
        loadedFromSnapshot = true;
        synchronized (saveLock) {
            savedHead = s.head();
        }
        LOG.info("event=mail_index_snapshot_loaded db={} head={} messages={} ms={}", db.name(), s.head(),
                where.size(), (System.nanoTime() - t0) / 1_000_000);
        return true;
    }

    /**
     * Saves the current view to the snapshot file, when there is one and the view is worth saving: not already
     * saved at this head, and free of merge-guard state and pending departures (that state lives only in memory,
     * so a view that depends on it is not what the documents alone say; the next save after the repair will do).
     *
     * <p>Only a view whose head is the database's head is saved. Documents are read at the newest head, which may
     * be past the view's; live, the next batch reads them again, but a restart diffs the saved head against the
     * new one, and a document changed after its read and back again would be missed. At the database's head,
     * every entry is exactly what that head holds. Never throws: a failed save only costs the next start a listing.
     */
    void persist() {
        if (snapshotFile.isEmpty()) return;
        synchronized (saveLock) {
            IndexView v = view;
            if (v.head().isEmpty() || v.head().equals(savedHead) || !v.held().isEmpty() || !v.lowered().isEmpty()
                    || !v.restamp().isEmpty() || !departures.isEmpty()) return;
            long t0 = System.nanoTime();
            try {
                if (!v.head().equals(db.head())) {
                    LOG.debug("event=mail_index_snapshot_skipped db={} reason=\"head moved on\"", db.name());
                    return;
                }
                IndexSnapshot.write(snapshotFile.get(), db.name(), v);
                savedHead = v.head();
                LOG.info("event=mail_index_snapshot_saved db={} head={} ms={}", db.name(), v.head(),
                        (System.nanoTime() - t0) / 1_000_000);
            } catch (IOException | RuntimeException e) {
                LOG.warn("event=mail_index_snapshot_save_failed db={} file={} reason=\"{}\"", db.name(),
                        snapshotFile.get(), e.toString());
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // an unreadable file is ignored at every start until it can be replaced
        }
    }

    private void forEach(String type, Consumer<Document> each) {
        Optional<String> after = Optional.empty();
        do {
            Page p = db.list(type, after, PAGE);
            p.documents().forEach(each);
            after = p.next();
        } while (after.isPresent());
    }

    /** The entry a message had in the view at {@code at}, or null. */
    private static MessageEntry entryAt(IndexView v, Loc at, String id) {
        EntryList l = v.entries(at.mailboxId());
        int i = l.indexOfUid(at.uid());
        for (; i >= 0 && i < l.size() && l.get(i).uid() == at.uid(); i++) if (l.get(i).id().equals(id)) return l.get(i);
        return null;
    }

    /** Applies changes read at the current head; returns the ids of mailboxes whose content changed. */
    private Set<String> apply(String until, List<Change> changes) {
        IndexView v = view;
        Map<String, MailboxRecord> boxes = new HashMap<>(v.mailboxes());
        Map<String, List<Removal>> removals = new HashMap<>();
        Map<String, List<Row>> upserts = new HashMap<>();
        Map<String, Set<String>> vRemovals = new HashMap<>();
        Map<String, List<VanishedRecord>> vAdds = new HashMap<>();
        long uvh = v.uidValidityHigh();
        String accountRev = v.accountRev();
        Set<String> changed = new HashSet<>();
        List<Departure> left = new ArrayList<>();
        Map<String, MessageEntry> previous = new HashMap<>();
        for (Change c : changes) {
            DocumentId id = c.id();
            Optional<Document> doc = db.get(id);
            switch (id.type()) {
                case MailDocs.MAILBOX -> {
                    Optional<MailboxRecord> m = doc.flatMap(MailDocs::mailbox).map(x -> guard.floor(v.mailboxes().get(id.id()), x));
                    if (m.isPresent()) boxes.put(id.id(), m.get());
                    else boxes.remove(id.id());
                    changed.add(id.id());
                }
                case MailDocs.MESSAGE -> {
                    Optional<IndexedMessage> m = doc.flatMap(MailDocs::message);
                    Loc old = where.remove(id.id());
                    if (old != null) {
                        removals.computeIfAbsent(old.mailboxId(), k -> new ArrayList<>()).add(new Removal(old.uid(), id.id()));
                        changed.add(old.mailboxId());
                    }
                    IndexView.Held wasHeld = guard.held.remove(id.id());
                    guard.restamp.remove(id.id());
                    if (old != null) previous.put(id.id(), wasHeld != null ? wasHeld.row().entry() : entryAt(v, old, id.id()));
                    if (m.isPresent()) {
                        Loc now = new Loc(m.get().mailboxId(), m.get().entry().uid());
                        where.put(id.id(), now);
                        Row row = new Row(m.get().entry(), m.get().rev());
                        if (now.equals(old) ? wasHeld != null : MergeGuard.reused(v, now.mailboxId(), now.uid()))
                            guard.held.put(id.id(), new IndexView.Held(now.mailboxId(), row));
                        else upserts.computeIfAbsent(now.mailboxId(), k -> new ArrayList<>()).add(row);
                        changed.add(now.mailboxId());
                        if (old != null && !old.equals(now)) left.add(new Departure(old.mailboxId(), old.uid(), id.id()));
                    } else if (old != null) {
                        left.add(new Departure(old.mailboxId(), old.uid(), id.id()));
                    }
                }
                case MailDocs.VANISHED -> {
                    Optional<VanishedRecord> r = doc.flatMap(MailDocs::vanished);
                    String oldBox = vanishedBox.remove(id.id());
                    if (oldBox != null) vRemovals.computeIfAbsent(oldBox, k -> new HashSet<>()).add(id.id());
                    r.ifPresent(x -> {
                        vanishedBox.put(x.docId(), x.mailboxId());
                        vAdds.computeIfAbsent(x.mailboxId(), k -> new ArrayList<>()).add(x);
                    });
                }
                case MailDocs.ACCOUNT -> {
                    uvh = doc.map(a -> a.data().path("uidValidityHigh").asLong(0)).orElse(0L);
                    accountRev = doc.map(a -> a.rev().value()).orElse(null);
                }
                default -> {
                    // a type a later schema version added: not ours to index
                }
            }
        }
        guard.restamp(v, boxes, upserts, previous);
        Map<String, EntryList> messages = v.messagesAfter(removals, upserts);
        Map<String, VanishedList> vanished = v.vanishedAfter(vRemovals, vAdds);
        IndexView next = new IndexView(until, boxes, messages, vanished, uvh, accountRev, guard);
        for (Departure d : left)
            if (next.mailboxes().containsKey(d.mailboxId()) && !next.vanishedOf(d.mailboxId()).contains(d.uid())
                    && next.entries(d.mailboxId()).indexOfUid(d.uid()) < 0)
                departures.add(d);
        view = next;
        changesSinceSave += changes.size();
        if (snapshotFile.isPresent() && changesSinceSave >= SNAPSHOT_EVERY_CHANGES) {
            changesSinceSave = 0;
            Thread.ofVirtual().name("mail-index-save").start(this::persist);
        }
        return changed;
    }
}
