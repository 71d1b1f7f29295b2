package io.quire.mail.store;

import io.quire.mail.store.EntryList.Removal;
import io.quire.mail.store.EntryList.Row;
import io.quire.mail.store.MailDocs.VanishedRecord;
import io.quire.sdk.DocumentId;
import io.quire.sdk.Revision;
import io.quire.sdk.Transaction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One mail operation being turned into one transaction. It hands out UIDs and modseqs from the
 * mailbox documents of the view it starts from, and writes each touched mailbox once, with
 * If-Match on the revision read, so a merge that moved a counter in between makes the commit fail
 * and the operation start again from a fresh view (nothing is allocated twice).
 *
 * <p>One operation takes one modseq per mailbox: every message it changes there gets
 * HIGHESTMODSEQ + 1 (RFC 7162 §3.1.1 asks for a new value per command, not per message).
 *
 * <p>It also records what the operation does to the view, so that {@link #nextView} can give the
 * next operation of the same write batch the state this one leaves ({@link Writer}). Writes whose
 * place in the view it cannot tell (the repairs' and DELETE's) make the draft <em>untracked</em>:
 * such an operation ends its batch.
 */
final class TxDraft {
    private static final Revision ABSENT = new Revision(Transaction.ABSENT);
    /** Trim only when this many records beyond the limit have piled up, so trimming is rare. */
    private static final double TRIM_SLACK = 0.1;

    private final IndexView view;
    private final int vanishedLimit;
    private final Clock clock;
    private final PendingRevisions pending;
    private final Transaction.Builder tx = Transaction.builder();
    private final Map<String, MailboxRecord> boxes = new LinkedHashMap<>();
    private final Set<String> created = new HashSet<>();
    private final Set<String> forced = new HashSet<>();
    private final Map<String, Long> opModseq = new HashMap<>();
    private final Map<String, Integer> vanishedAdded = new HashMap<>();
    private long uidValidityHigh;
    private boolean accountChanged;
    private int ops;
    private long bodyBytes;
    // What the operation does to the view (for nextView), by mailbox id.
    private final Map<String, List<Removal>> leaving = new HashMap<>();
    private final Map<String, List<Row>> arriving = new HashMap<>();
    private final Map<String, Set<String>> recordsGone = new HashMap<>();
    private final Map<String, List<VanishedRecord>> recordsAdded = new HashMap<>();
    private final Set<String> boxesDeleted = new HashSet<>();
    private final Map<String, MailboxRecord> boxesWritten = new HashMap<>();
    private boolean untracked;
    private Optional<Transaction> built;

    TxDraft(IndexView view, int vanishedLimit, Clock clock, String message) {
        this(view, vanishedLimit, clock, message, new PendingRevisions());
    }

    /** A draft in a write batch: {@code pending} issues the stand-in revisions of the whole batch. */
    TxDraft(IndexView view, int vanishedLimit, Clock clock, String message, PendingRevisions pending) {
        this.view = view;
        this.vanishedLimit = vanishedLimit;
        this.clock = clock;
        this.pending = pending;
        this.uidValidityHigh = view.uidValidityHigh();
        tx.message(message);
    }

    IndexView view() {
        return view;
    }

    /** The mailbox as this draft will write it. */
    MailboxRecord box(String id) {
        MailboxRecord r = boxes.get(id);
        return r != null ? r : view.byId(id).orElseThrow(() -> new IllegalStateException("no mailbox " + id));
    }

    boolean exists(String id) {
        return boxes.containsKey(id) || view.mailboxes().containsKey(id);
    }

    void update(MailboxRecord r) {
        boxes.put(r.id(), r);
    }

    /** Writes the mailbox even if the draft leaves it as the view shows it (to store counters the view raised). */
    void rewrite(String id) {
        boxes.putIfAbsent(id, box(id));
        forced.add(id);
    }

    /**
     * A new mailbox with a fresh UIDVALIDITY: the later of now (in seconds, RFC 3501 §2.3.1.1
     * suggests a time) and one above every value handed out before in this database.
     */
    MailboxRecord create(String id, String name, Optional<String> specialUse, boolean subscribed) {
        return create(id, name, specialUse, subscribed, false);
    }

    /**
     * A new mailbox; with {@code fromStateOnly} its UIDVALIDITY is one above every value in the
     * view, without the clock, so replicas that create it from the same merged state (recovery)
     * write the same document.
     */
    MailboxRecord create(String id, String name, Optional<String> specialUse, boolean subscribed, boolean fromStateOnly) {
        long high = uidValidityHigh;
        for (MailboxRecord m : view.mailboxes().values()) high = Math.max(high, m.uidValidity());
        long v = fromStateOnly ? high + 1 : Math.max(clock.instant().getEpochSecond(), high + 1);
        uidValidityHigh = v;
        accountChanged = true;
        MailboxRecord r = new MailboxRecord(id, null, name, specialUse, subscribed, v, 1, 1, 0);
        created.add(id);
        boxes.put(id, r);
        return r;
    }

    /**
     * Raises the account's UIDVALIDITY high-water mark to {@code v} (a mailbox took a value from
     * elsewhere: ImportPlans, committed in 1dcf7ea; keep this method when reworking TxDraft).
     */
    void raiseUidValidityHigh(long v) {
        if (v <= uidValidityHigh) return;
        uidValidityHigh = v;
        accountChanged = true;
    }

    /** The next UID of a mailbox, raising its UIDNEXT. */
    long allocateUid(String boxId) {
        MailboxRecord r = box(boxId);
        update(r.withCounters(r.uidNext() + 1, r.highestModseq()));
        return r.uidNext();
    }

    /** This operation's modseq in a mailbox: HIGHESTMODSEQ + 1 at the first call, the same after. */
    long modseq(String boxId) {
        Long m = opModseq.get(boxId);
        if (m != null) return m;
        MailboxRecord r = box(boxId);
        long next = r.highestModseq() + 1;
        update(r.withCounters(r.uidNext(), next));
        opModseq.put(boxId, next);
        return next;
    }

    /** A delivered or appended message, its body passed beside the document. */
    void putNewMessage(String boxId, MessageEntry e, byte[] body) {
        tx.put(MailDocs.messageId(e.id()), MailDocs.messageWithoutBody(boxId, e), Map.of("body", body), Optional.of(ABSENT));
        ops++;
        bodyBytes += body.length;
        MessageEntry stored = e.bodyBlob() != null ? e
                : new MessageEntry(e.id(), e.uid(), e.flags(), e.internalDate(), e.modseq(), e.size(), MailDocs.blobId(body));
        arrive(boxId, stored);
    }

    /** A new message whose body is a reference to an existing blob (COPY). */
    void putCopy(String boxId, MessageEntry e) {
        tx.put(MailDocs.messageId(e.id()), MailDocs.message(boxId, e), Map.of(), Optional.of(ABSENT));
        ops++;
        arrive(boxId, e);
    }

    /** Rewrites the message of row {@code before} in {@code fromBoxId} as {@code after} in {@code boxId} (STORE, MOVE). */
    void replaceMessage(String fromBoxId, Row before, String boxId, MessageEntry after) {
        tx.put(MailDocs.messageId(after.id()), MailDocs.message(boxId, after), Map.of(), Optional.of(new Revision(before.rev())));
        ops++;
        leaving.computeIfAbsent(fromBoxId, k -> new ArrayList<>()).add(new Removal(before.entry().uid(), before.entry().id()));
        arrive(boxId, after);
    }

    /**
     * Writes a message; {@code rev} null for a new one (its body a reference to an existing blob).
     * Where an existing message was is not known here, so the draft becomes untracked.
     */
    void putMessage(String boxId, MessageEntry e, String rev) {
        if (rev == null) {
            putCopy(boxId, e);
            return;
        }
        tx.put(MailDocs.messageId(e.id()), MailDocs.message(boxId, e), Map.of(), Optional.of(new Revision(rev)));
        ops++;
        untracked = true;
    }

    /** Deletes the message of row {@code r} in mailbox {@code boxId} (EXPUNGE). */
    void deleteMessage(String boxId, Row r) {
        tx.delete(MailDocs.messageId(r.entry().id()), new Revision(r.rev()));
        ops++;
        leaving.computeIfAbsent(boxId, k -> new ArrayList<>()).add(new Removal(r.entry().uid(), r.entry().id()));
    }

    /** Deletes a message wherever it is (the draft becomes untracked). */
    void deleteMessage(String id, String rev) {
        tx.delete(MailDocs.messageId(id), new Revision(rev));
        ops++;
        untracked = true;
    }

    /** Deletes a mailbox document (its messages and records are deleted by the caller). */
    void deleteMailbox(MailboxRecord r) {
        tx.delete(MailDocs.mailboxId(r.id()), new Revision(r.rev()));
        ops++;
        boxesDeleted.add(r.id());
    }

    void deleteVanished(VanishedRecord r) {
        tx.delete(DocumentId.of(MailDocs.VANISHED, r.docId()), new Revision(r.rev()));
        ops++;
        recordsGone.computeIfAbsent(r.mailboxId(), k -> new HashSet<>()).add(r.docId());
    }

    /**
     * Records UIDs as vanished from a mailbox at this operation's modseq there. Trimming of the
     * oldest records past the limit happens once, in {@link #build}.
     */
    void vanish(String boxId, Collection<Long> uids) {
        if (uids.isEmpty()) return;
        long m = modseq(boxId);
        for (long uid : uids) {
            DocumentId id = MailDocs.vanishedId(boxId, uid);
            tx.put(id, MailDocs.vanished(boxId, uid, m));
            ops++;
            recordsAdded.computeIfAbsent(boxId, k -> new ArrayList<>()).add(new VanishedRecord(id.id(), boxId, uid, m, pending.next()));
        }
        vanishedAdded.merge(boxId, uids.size(), Integer::sum);
    }

    private void arrive(String boxId, MessageEntry e) {
        arriving.computeIfAbsent(boxId, k -> new ArrayList<>()).add(new Row(e, pending.next()));
    }

    /**
     * Deletes the oldest records of a mailbox beyond the limit (the new ones, holding the highest
     * modseq, always stay), raising its vanished floor to the newest modseq trimmed. Deterministic:
     * replicas holding the same records trim the same ones.
     */
    private void trim(String boxId, int added) {
        VanishedList existing = view.vanishedOf(boxId);
        int total = existing.size() + added;
        if (total <= vanishedLimit + (int) (vanishedLimit * TRIM_SLACK)) return;
        long floor = box(boxId).vanishedFloor();
        for (VanishedRecord r : existing.oldest(Math.min(existing.size(), total - vanishedLimit))) {
            deleteVanished(r);
            floor = Math.max(floor, r.modseq());
        }
        update(box(boxId).withVanishedFloor(floor));
    }

    /** The transaction, or empty when the operation changes nothing. */
    Optional<Transaction> build() {
        if (built != null) return built;
        vanishedAdded.forEach(this::trim);
        vanishedAdded.clear();
        for (MailboxRecord r : boxes.values()) {
            boolean isNew = created.contains(r.id());
            if (!isNew && !forced.contains(r.id()) && r.equals(view.mailboxes().get(r.id()))) continue;
            tx.put(MailDocs.mailboxId(r.id()), MailDocs.mailbox(r), isNew ? ABSENT : new Revision(r.rev()));
            ops++;
            boxesWritten.put(r.id(), r.withRev(pending.next()));
        }
        if (accountChanged) {
            tx.put(MailDocs.ACCOUNT_ID, MailDocs.account(uidValidityHigh),
                    view.accountRev() == null ? ABSENT : new Revision(view.accountRev()));
            ops++;
        }
        built = ops == 0 ? Optional.empty() : Optional.of(tx.build());
        return built;
    }

    /** False when the draft wrote something whose effect on the view it did not record. */
    boolean tracked() {
        return !untracked;
    }

    /** Body bytes this draft carries (a batch bounds its size with it). */
    long bodyBytes() {
        return bodyBytes;
    }

    /**
     * The view once this operation's transaction applies, documents it writes carrying stand-in
     * revisions; the view itself when it writes nothing. Only after {@link #build}, for a tracked draft.
     */
    IndexView nextView() {
        if (built == null || untracked) throw new IllegalStateException("no view after an unbuilt or untracked draft");
        if (built.isEmpty()) return view;
        Map<String, MailboxRecord> mailboxes = new HashMap<>(view.mailboxes());
        mailboxes.putAll(boxesWritten);
        boxesDeleted.forEach(mailboxes::remove);
        Map<String, EntryList> messages = view.messagesAfter(leaving, arriving);
        Map<String, VanishedList> vanished = view.vanishedAfter(recordsGone, recordsAdded);
        String accountRev = accountChanged ? pending.next() : view.accountRev();
        return IndexView.planned(view, mailboxes, messages, vanished, uidValidityHigh, accountRev);
    }
}
