package io.quire.server.store;

import static io.quire.server.store.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.sdk.DocumentId;
import io.quire.sdk.Transaction;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sequence keys through real merges, with a mail-like schema: two replicas hand out UIDs in one
 * mailbox while apart (their UIDNEXT was 1 at the base), and the merge must leave no UID naming
 * another message than the one a client of either replica saw at it.
 */
class SequenceMergeTest {
    static final String MAILISH = """
            name: mailish
            version: 1
            types:
              mailbox:
                fields:
                  name:          { type: string, merge: lww }
                  uidNext:       { type: integer, merge: max }
                  highestModseq: { type: integer, merge: max }
              message:
                groups:
                  location: { fields: [mailbox, uid], merge: lww }
                fields:
                  mailbox: { type: string, required: true }
                  uid:     { type: integer, sequence: { scope: [mailbox], counter: { type: mailbox, idField: mailbox, field: uidNext }, orderBy: [date] } }
                  modseq:  { type: integer, sequence: { scope: [mailbox], counter: { type: mailbox, idField: mailbox, field: highestModseq }, mode: stamp } }
                  date:    { type: string }
                  flags:   { type: array, items: string, merge: set }
            """;
    @TempDir
    Path dir;
    GitDatabases nodeA, nodeB;
    GitDatabase a, b;

    @BeforeEach
    void replicas() throws Exception {
        nodeA = new GitDatabases(dir.resolve("a"), "a");
        a = nodeA.create("mail", MAILISH);
        a.put(DocumentId.of("mailbox", "inbox"), json("{\"name\":\"INBOX\",\"uidNext\":1,\"highestModseq\":5}"));
        nodeA.close();
        Fixtures.copyOf(dir.resolve("a"), dir.resolve("b"));
        nodeA = new GitDatabases(dir.resolve("a"), "a");
        nodeB = new GitDatabases(dir.resolve("b"), "b");
        a = nodeA.get("mail");
        b = nodeB.get("mail");
    }

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
    }

    static void deliver(GitDatabase db, String id, String date, long modseq) {
        db.commit(Transaction.builder()
                .put(DocumentId.of("message", id), json("{\"mailbox\":\"inbox\",\"uid\":1,\"modseq\":" + modseq + ",\"date\":\"" + date + "\"}"))
                .put(DocumentId.of("mailbox", "inbox"), json("{\"name\":\"INBOX\",\"uidNext\":2,\"highestModseq\":" + modseq + "}"))
                .build());
    }

    @Test
    void collidingUidsAreBothRenumberedAboveBothUidNextsInTheSameOrderEverywhere() throws Exception {
        deliver(a, "m-a", "2026-01-02", 6);
        deliver(b, "m-b", "2026-01-01", 9);
        Fixtures.fetchMain(b, a, "b");
        Fixtures.fetchMain(a, b, "a");
        assertEquals(a.mergeBranch("b"), b.mergeBranch("a"), "both replicas compute the same merge");
        JsonNode ma = a.get(DocumentId.of("message", "m-a")).orElseThrow().data();
        JsonNode mb = a.get(DocumentId.of("message", "m-b")).orElseThrow().data();
        assertEquals(3, ma.get("uid").asLong(), "ordered by date: m-b (Jan 1) first, then m-a");
        assertEquals(2, mb.get("uid").asLong());
        JsonNode box = a.get(DocumentId.of("mailbox", "inbox")).orElseThrow().data();
        assertEquals(4, box.get("uidNext").asLong(), "UIDNEXT moves past the new UIDs");
        Set<Long> modseqs = new TreeSet<>(Set.of(ma.get("modseq").asLong(), mb.get("modseq").asLong()));
        assertTrue(modseqs.stream().allMatch(m -> m > 9), "changed entries get modseqs above both sides' HIGHESTMODSEQ: " + modseqs);
        assertEquals(modseqs.stream().max(Long::compare).orElseThrow(), box.get("highestModseq").asLong());
        assertNotEquals(ma.get("modseq"), mb.get("modseq"));
    }

    /** Delivers message {@code id} at UID {@code uid} and sets UIDNEXT past it. */
    static void deliverAt(GitDatabase db, String id, long uid, String date, long modseq) {
        db.commit(Transaction.builder()
                .put(DocumentId.of("message", id), json("{\"mailbox\":\"inbox\",\"uid\":" + uid + ",\"modseq\":" + modseq + ",\"date\":\"" + date + "\"}"))
                .put(DocumentId.of("mailbox", "inbox"), json("{\"name\":\"INBOX\",\"uidNext\":" + (uid + 1) + ",\"highestModseq\":" + modseq + "}"))
                .build());
    }

    static long uid(GitDatabase db, String id) {
        return db.get(DocumentId.of("message", id)).orElseThrow().data().get("uid").asLong();
    }

    static long inbox(GitDatabase db, String field) {
        return db.get(DocumentId.of("mailbox", "inbox")).orElseThrow().data().get(field).asLong();
    }

    /**
     * <pre>
     *   base (UIDNEXT 1) ─┬─ a: deliver m-a (UID 1), expunge it      UIDNEXT 2
     *                     └─ b: deliver m-b (UID 1)                  UIDNEXT 2
     * </pre>
     * No two messages hold UID 1 in the merged tree, but a's clients saw UID 1 as m-a.
     */
    @Test
    void aUidWhoseMessageWasExpungedOnOneSideIsNotLeftToAnotherMessage() throws Exception {
        deliverAt(a, "m-a", 1, "2026-01-02", 6);
        a.commit(Transaction.builder().delete(DocumentId.of("message", "m-a")).build());
        deliverAt(b, "m-b", 1, "2026-01-01", 9);
        Fixtures.fetchMain(b, a, "b");
        Fixtures.fetchMain(a, b, "a");
        assertEquals(a.mergeBranch("b"), b.mergeBranch("a"), "both replicas compute the same merge");
        assertEquals(2, uid(a, "m-b"), "m-b gets the first UID above both UIDNEXTs");
        assertEquals(3, inbox(a, "uidNext"));
        assertTrue(a.get(DocumentId.of("message", "m-b")).orElseThrow().data().get("modseq").asLong() > 9,
                "the renumbered message gets a modseq above both sides' HIGHESTMODSEQ");
    }

    @Test
    void aUidOnlyOneSideHandedOutIsKept() throws Exception {
        deliverAt(a, "m-a", 1, "2026-01-02", 6);
        b.put(DocumentId.of("mailbox", "inbox"), json("{\"name\":\"Inbox\",\"uidNext\":1,\"highestModseq\":7}"));
        Fixtures.fetchMain(a, b, "a");
        b.mergeBranch("a");
        assertEquals(1, uid(b, "m-a"), "b handed out no UID in INBOX: m-a's UID 1 names nothing else there");
        assertEquals(2, inbox(b, "uidNext"));
    }

    /**
     * A merge across a pruned horizon takes a remembered common commit as its base, older than
     * history both sides share: a UID both sides gave the same message after that base stays.
     * <pre>
     *   base ── a: deliver m1 (UID 1) ──┬── a: deliver m2 (UID 2)
     *                                   └── b (fast-forward): deliver m3 (UID 2)
     *   merged with the explicit base "base": m1 keeps UID 1; m2 and m3 get 3 and 4
     * </pre>
     */
    @Test
    void aUidBothSidesGaveTheSameMessageAfterAnOlderBaseIsKept() throws Exception {
        ObjectId base = a.currentHead().commit();
        deliverAt(a, "m1", 1, "2026-01-01", 6);
        Fixtures.fetchMain(a, b, "a");
        b.mergeBranch("a");
        deliverAt(a, "m2", 2, "2026-01-02", 7);
        deliverAt(b, "m3", 2, "2026-01-03", 8);
        Fixtures.fetchMain(b, a, "b");
        try (RevWalk rw = new RevWalk(a.repository())) {
            RevCommit ours = rw.parseCommit(a.currentHead().commit());
            RevCommit theirs = rw.parseCommit(a.repository().exactRef("refs/heads/b").getObjectId());
            ObjectId baseTree = rw.parseCommit(base).getTree().getId();
            a.exclusive(() -> BranchMerge.mergeCommit(a, ours, theirs, baseTree));
        }
        assertEquals(1, uid(a, "m1"), "both sides hold m1 at UID 1");
        assertEquals(3, uid(a, "m2"));
        assertEquals(4, uid(a, "m3"));
        assertEquals(5, inbox(a, "uidNext"));
    }

    /** UID → message id of every message in INBOX on one replica. */
    static Map<Long, String> uids(GitDatabase db, String... ids) {
        Map<Long, String> out = new TreeMap<>();
        for (String id : ids) db.get(DocumentId.of("message", id)).ifPresent(d -> out.put(d.data().get("uid").asLong(), id));
        return out;
    }

    /**
     * A criss-cross history: the final merge has two best common ancestors and merges over their
     * virtual merge, in which x and y both still hold UID 1.
     * <pre>
     *   a: deliver x (UID 1) ───────┬── M1 = merge(x, y): x, y renumbered ──┐
     *                               ╳                                      ├── merge over virtual base(x, y)
     *   b: deliver y (UID 1) ── deliver z (UID 2) ── M2 = merge(z, x) ─────┘
     * </pre>
     * M1 and M2 renumber differently, so no UID means the same message on both: the final merge
     * must give every message a UID neither replica showed as another message.
     */
    @Test
    void aCrissCrossMergeLeavesNoUidNamingAnotherMessageOnEitherReplica() throws Exception {
        deliverAt(a, "x", 1, "2026-01-01", 6);
        deliverAt(b, "y", 1, "2026-01-02", 7);
        Fixtures.fetchMain(b, a, "b");
        deliverAt(b, "z", 2, "2026-01-03", 8);
        Fixtures.fetchMain(a, b, "a");
        a.mergeBranch("b");
        b.mergeBranch("a");
        Map<Long, String> seenOnA = uids(a, "x", "y", "z"), seenOnB = uids(b, "x", "y", "z");
        assertNotEquals(seenOnA, seenOnB, "the two merges renumbered differently");
        Fixtures.fetchMain(b, a, "b");
        Fixtures.fetchMain(a, b, "a");
        assertEquals(a.mergeBranch("b"), b.mergeBranch("a"), "both replicas compute the same merge");
        Map<Long, String> merged = uids(a, "x", "y", "z");
        assertEquals(3, merged.size(), "three messages, three UIDs: " + merged);
        merged.forEach((uid, id) -> {
            for (Map<Long, String> seen : List.of(seenOnA, seenOnB))
                assertTrue(!seen.containsKey(uid) || seen.get(uid).equals(id), "UID " + uid + " named " + seen.get(uid) + " and now " + id);
        });
        assertTrue(inbox(a, "uidNext") > merged.keySet().stream().max(Long::compare).orElseThrow());
    }

    @Test
    void aFlagChangeMergedFromOneSideGetsAModseqAboveTheOtherSide() throws Exception {
        deliver(a, "m1", "2026-01-01", 6);
        Fixtures.fetchMain(a, b, "a");
        b.mergeBranch("a"); // b fast-forwards: both hold m1 with modseq 6
        a.put(DocumentId.of("message", "m1"), json("{\"mailbox\":\"inbox\",\"uid\":1,\"modseq\":7,\"date\":\"2026-01-01\",\"flags\":[\"\\\\Seen\"]}"));
        a.put(DocumentId.of("mailbox", "inbox"), json("{\"name\":\"INBOX\",\"uidNext\":2,\"highestModseq\":7}"));
        for (int i = 0; i < 5; i++) deliver(b, "other" + i, "2026-02-0" + (i + 1), 20 + i); // b's HIGHESTMODSEQ climbs to 24
        Fixtures.fetchMain(b, a, "b");
        a.mergeBranch("b");
        long m1 = a.get(DocumentId.of("message", "m1")).orElseThrow().data().get("modseq").asLong();
        assertTrue(m1 > 24, "a client of b that saw HIGHESTMODSEQ 24 must see the flag change: modseq " + m1);
    }
}
