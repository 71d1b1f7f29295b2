package io.quire.server.store;

import static io.quire.server.store.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.sdk.DocumentId;
import io.quire.sdk.Transaction;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sequence keys through real merges, with a mail-like schema: two replicas each deliver a message
 * into one mailbox while apart, both giving it UID 1 (their UIDNEXT was 1).
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
