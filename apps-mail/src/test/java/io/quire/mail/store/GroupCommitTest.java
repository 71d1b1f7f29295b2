package io.quire.mail.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.model.Flags;
import io.quire.mail.model.MailboxName;
import io.quire.mail.model.MessageIds;
import io.quire.mail.store.MailStoreException.Kind;
import io.quire.mail.store.UserMail.Appended;
import io.quire.mail.store.UserMail.CopyOutcome;
import io.quire.mail.store.UserMail.FlagChange;
import io.quire.mail.store.UserMail.NewMessage;
import io.quire.mail.store.UserMail.StoreOutcome;
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
import io.quire.sdk.Transaction;
import io.quire.server.store.GitDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mail {@link Writer}'s group commit: concurrent operations of one user share commits, each
 * planned from the state the ones before it in the batch leave, and the mail rules still hold.
 */
class GroupCommitTest {
    Path dir;
    GitDatabases node;
    DatabaseUserMail mail;
    final AtomicInteger commits = new AtomicInteger();
    AutoCloseable counting;
    final MessagePlans plans = new MessagePlans(new MessageIds("t"));

    @BeforeEach
    void open() {
        dir = TempDirs.create("quire-mail-group");
        node = new GitDatabases(dir, "a");
        mail = MailSchema.create(node, "alice@example.org");
        counting = mail.database().listen(batch -> commits.incrementAndGet());
    }

    @AfterEach
    void close() throws Exception {
        counting.close();
        mail.close();
        node.close();
        TempDirs.delete(dir);
    }

    static byte[] msg(String subject) {
        return ("Subject: " + subject + "\r\n\r\nbody of " + subject + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Commits the listener has seen, once it has seen none for a while (it runs on the database's own thread). */
    int settledCommits() throws InterruptedException {
        int n;
        do {
            n = commits.get();
            Thread.sleep(100);
        } while (n != commits.get());
        return n;
    }

    @Test
    void concurrentDeliveriesToOneMailboxShareCommitsAndGetDistinctGapFreeUids() throws Exception {
        // Commits that take as long as a disk's fsync round (tmpfs makes them near-instant, and then
        // little arrives while one is in flight): the real store, each commit held 5 ms longer.
        mail.close();
        mail = new DatabaseUserMail(new SlowCommits(node.get("mail.alice@example.org"), 5), "alice@example.org");
        int threads = 10, each = 30, total = threads * each;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Long> uids = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) uids.add(mail.append("INBOX", msg(thread + "-" + i), Set.of(), Instant.now()).uid());
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdown();
        }
        assertEquals(total, new TreeSet<>(uids).size(), "every delivery got its own UID");
        assertEquals(LongStream.rangeClosed(1, total).boxed().toList(), new TreeSet<>(uids).stream().toList(), "UIDs 1..n, no gap");
        MailboxSnapshot s = mail.snapshot("INBOX");
        assertEquals(total, s.messages().size());
        assertEquals(total + 1, s.mailbox().uidNext());
        assertEquals(total, s.messages().stream().map(MessageEntry::modseq).distinct().count(), "one modseq per delivery");
        assertEquals(s.mailbox().highestModseq(), s.messages().stream().mapToLong(MessageEntry::modseq).max().orElseThrow());
        for (MessageEntry e : s.messages()) assertEquals(e.size(), mail.body(e).length);
        int n = settledCommits();
        assertTrue(n <= total / 2, total + " deliveries from " + threads + " threads took " + n + " commits");
    }

    @Test
    void concurrentMixedOperationsKeepTheMailRulesAndTheIndexMatchesARebuild() throws Exception {
        mail.close();
        mail = new DatabaseUserMail(new SlowCommits(node.get("mail.alice@example.org"), 2), "alice@example.org");
        int threads = 8, each = 40;
        AtomicInteger appended = new AtomicInteger(), copied = new AtomicInteger(), expunged = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                java.util.Random rnd = new java.util.Random(t);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        String box = rnd.nextBoolean() ? "INBOX" : "Archive", other = box.equals("INBOX") ? "Archive" : "INBOX";
                        List<MessageEntry> present = mail.snapshot(box).messages();
                        long uid = present.isEmpty() ? 1 : present.get(rnd.nextInt(present.size())).uid();
                        switch (rnd.nextInt(6)) {
                            case 0, 1 -> {
                                mail.append(box, msg("m" + rnd.nextInt()), Set.of(), Instant.now());
                                appended.incrementAndGet();
                            }
                            case 2 -> mail.store(box, List.of(uid), new FlagChange(rnd.nextBoolean() ? FlagChange.Mode.ADD
                                    : FlagChange.Mode.REMOVE, Set.of(Flags.SEEN, Flags.DELETED)), OptionalLong.empty());
                            case 3 -> mail.move(box, List.of(uid), other);
                            case 4 -> copied.addAndGet(mail.copy(box, List.of(uid), other).targetUids().size());
                            default -> expunged.addAndGet(mail.expunge(box, Optional.empty()).size());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdown();
        }
        int total = 0;
        for (String box : List.of("INBOX", "Archive")) {
            MailboxSnapshot s = mail.snapshot(box);
            List<Long> uids = s.messages().stream().map(MessageEntry::uid).toList();
            Set<Long> vanished = new TreeSet<>(mail.vanishedSince(box, 0));
            assertEquals(uids.size(), new TreeSet<>(uids).size(), box + ": UIDs unique");
            for (MessageEntry e : s.messages()) {
                assertTrue(e.uid() < s.mailbox().uidNext(), box + ": UID below UIDNEXT");
                assertTrue(e.modseq() <= s.mailbox().highestModseq(), box + ": modseq at most HIGHESTMODSEQ");
                assertTrue(!vanished.contains(e.uid()), box + ": a present UID is not vanished");
            }
            for (long v : vanished) assertTrue(v < s.mailbox().uidNext(), box + ": vanished UIDs were handed out");
            total += uids.size();
        }
        assertEquals(appended.get() + copied.get() - expunged.get(), total, "no write lost or doubled");
        // The index built up batch by batch equals one built from the database by listing.
        mail.close();
        DatabaseUserMail rebuilt = new DatabaseUserMail(node.get("mail.alice@example.org"), "alice@example.org");
        try {
            for (String box : List.of("INBOX", "Archive"))
            {
                assertEquals(new ArrayList<>(mail.snapshot(box).messages()), new ArrayList<>(rebuilt.snapshot(box).messages()), box);
                assertEquals(mail.snapshot(box).mailbox(), rebuilt.snapshot(box).mailbox(), box);
            }
        } finally {
            rebuilt.close();
        }
    }

    @Test
    void queuedOperationsArePlannedInOrderFromEachOthersStateAndShareOneCommit() throws Exception {
        Writer w = mail.writer();
        MailboxName inbox = MailboxName.of("INBOX"), trash = MailboxName.of("Trash"), archive = MailboxName.of("Archive");
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        int before = settledCommits();
        var a = w.submit("append a", d -> plans.append(d, inbox, List.of(new NewMessage(msg("a"), Set.of(), t0))), false);
        var b = w.submit("append b", d -> plans.append(d, inbox, List.of(new NewMessage(msg("b"), Set.of(), t0))), false);
        CompletableFuture<StoreOutcome> seen = w.submit("store", d -> plans.store(d, inbox, List.of(1L),
                new FlagChange(FlagChange.Mode.ADD, Set.of(Flags.SEEN)), OptionalLong.empty()), false);
        CompletableFuture<CopyOutcome> copy = w.submit("copy", d -> plans.copy(d, inbox, List.of(2L), archive), false);
        CompletableFuture<CopyOutcome> move = w.submit("move", d -> plans.move(d, inbox, List.of(1L), trash), false);
        w.await(move);

        assertEquals(1, a.join().get(0).uid());
        assertEquals(2, b.join().get(0).uid());
        assertEquals(List.of(1L), seen.join().changed().stream().map(MessageEntry::uid).toList());
        assertEquals(List.of(1L), copy.join().targetUids());
        assertEquals(List.of(1L), move.join().targetUids());
        assertEquals(before + 1, settledCommits(), "five operations, one commit");

        MailboxSnapshot in = mail.snapshot("INBOX");
        assertEquals(List.of(2L), in.messages().stream().map(MessageEntry::uid).toList());
        assertEquals(3, in.mailbox().uidNext());
        assertEquals(List.of(1L), mail.vanishedSince("INBOX", 0));
        MessageEntry moved = mail.snapshot("Trash").messages().get(0);
        assertEquals(Set.of(Flags.SEEN), moved.flags());
        assertArrayEquals(msg("a"), mail.body(moved));
        MessageEntry copied = mail.snapshot("Archive").messages().get(0);
        assertArrayEquals(msg("b"), mail.body(copied));
        // Each operation took its own modseq in INBOX: append a, append b, store, move (the copy reads only).
        List<Long> modseqs = List.of(in.messages().get(0).modseq(), seen.join().changed().get(0).modseq(), in.mailbox().highestModseq());
        assertTrue(modseqs.get(0) < modseqs.get(1) && modseqs.get(1) < modseqs.get(2), modseqs.toString());
    }

    @Test
    void aMessageAppendedAndExpungedInOneBatchLeavesOnlyItsVanishedRecord() throws Exception {
        Writer w = mail.writer();
        MailboxName inbox = MailboxName.of("INBOX");
        var a = w.submit("append", d -> plans.append(d, inbox, List.of(new NewMessage(msg("x"), Set.of(Flags.DELETED), Instant.now()))), false);
        var gone = w.submit("expunge", d -> plans.expunge(d, inbox, Optional.empty()), false);
        w.await(gone);
        assertEquals(1, a.join().get(0).uid());
        assertEquals(List.of(1L), gone.join());
        MailboxSnapshot s = mail.snapshot("INBOX");
        assertEquals(0, s.messages().size());
        assertEquals(2, s.mailbox().uidNext());
        assertEquals(List.of(1L), mail.vanishedSince("INBOX", 0));
        assertEquals(2, mail.append("INBOX", msg("y"), Set.of(), Instant.now()).uid(), "UID 1 is never handed out again");
    }

    @Test
    void aRefusedOperationInABatchFailsAloneAndTheOthersCommit() {
        Writer w = mail.writer();
        var bad = w.submit("append to nowhere", d -> plans.append(d, MailboxName.of("Nowhere"),
                List.of(new NewMessage(msg("x"), Set.of(), Instant.now()))), false);
        var good = w.submit("append", d -> plans.append(d, MailboxName.of("INBOX"),
                List.of(new NewMessage(msg("y"), Set.of(), Instant.now()))), false);
        List<Appended> ok = w.await(good);
        assertEquals(1, ok.get(0).uid());
        MailStoreException e = assertThrows(MailStoreException.class, () -> w.await(bad));
        assertEquals(Kind.NO_SUCH_MAILBOX, e.kind());
        assertEquals(1, mail.snapshot("INBOX").messages().size());
    }

    /** The store, with every commit taking {@code millis} longer (a disk's fsync round on tmpfs). */
    record SlowCommits(Database db, long millis) implements Database {
        @Override
        public CommitResult commit(Transaction tx) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return db.commit(tx);
        }

        @Override
        public String name() {
            return db.name();
        }

        @Override
        public DatabaseInfo info() {
            return db.info();
        }

        @Override
        public String head() {
            return db.head();
        }

        @Override
        public Optional<Document> get(DocumentId id) {
            return db.get(id);
        }

        @Override
        public Optional<byte[]> blob(String blobId) {
            return db.blob(blobId);
        }

        @Override
        public Page list(String type, Optional<String> after, int limit) {
            return db.list(type, after, limit);
        }

        @Override
        public ChangeBatch changes(String since, int limit) {
            return db.changes(since, limit);
        }

        @Override
        public AutoCloseable listen(ChangeListener listener) {
            return db.listen(listener);
        }

        @Override
        public List<DocumentVersion> history(DocumentId id, int limit) {
            return db.history(id, limit);
        }

        @Override
        public List<ConflictRecord> conflicts(int limit) {
            return db.conflicts(limit);
        }
    }
}
