package io.quire.server.store;

import static io.quire.server.store.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.sdk.ConflictRecord;
import io.quire.sdk.DocumentId;
import io.quire.sdk.QuireException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of one database diverge, then each merges the other's head as a branch:
 *
 * <pre>
 *   base ── a1 ── a2        (node a)
 *       \
 *        ── b1 ── b2        (node b)
 * </pre>
 */
class BranchMergeTest {
    @TempDir
    Path dir;
    GitDatabases nodeA, nodeB;
    GitDatabase a, b;

    @BeforeEach
    void replicate() throws Exception {
        nodeA = new GitDatabases(dir.resolve("a"), "a");
        a = nodeA.create("contacts", Fixtures.CONTACTS);
        a.put(id("ann"), json("{\"name\":\"Ann\",\"emails\":[\"ann@x\"],\"visits\":1,\"score\":1,\"notes\":\"l1\\nl2\\nl3\\n\"}"));
        a.put(id("bob"), json("{\"name\":\"Bob\"}"));
        a.put(DocumentId.of("note", "n1"), json("{\"text\":\"hello\"}"));
        nodeA.close();
        Fixtures.copyOf(dir.resolve("a"), dir.resolve("b"));
        nodeA = new GitDatabases(dir.resolve("a"), "a");
        nodeB = new GitDatabases(dir.resolve("b"), "b");
        a = nodeA.get("contacts");
        b = nodeB.get("contacts");
    }

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
    }

    static DocumentId id(String s) {
        return Fixtures.contact(s);
    }

    private void exchange() throws Exception {
        Fixtures.fetchMain(b, a, "b");
        Fixtures.fetchMain(a, b, "a");
    }

    @Test
    void concurrentFieldChangesMergeFieldByFieldWithTheirPolicies() throws Exception {
        a.put(id("ann"), json("{\"name\":\"Ann A\",\"emails\":[\"ann@x\",\"a@a\"],\"visits\":3,\"score\":5,\"notes\":\"L1\\nl2\\nl3\\n\"}"));
        b.put(id("ann"), json("{\"name\":\"Ann\",\"emails\":[\"b@b\"],\"visits\":11,\"score\":2,\"notes\":\"l1\\nl2\\nL3\\n\"}"));
        exchange();
        a.mergeBranch("b");
        JsonNode ann = a.get(id("ann")).orElseThrow().data();
        assertEquals("Ann A", ann.get("name").asText(), "only a changed the name");
        assertEquals(new TreeSet<>(List.of("a@a", "b@b")), strings(ann.get("emails")), "set: a's add and b's add kept, b's removal of ann@x kept");
        assertEquals(13, ann.get("visits").asInt(), "counter: 1 + 2 + 10");
        assertEquals(5, ann.get("score").asInt(), "max");
        assertEquals("L1\nl2\nL3\n", ann.get("notes").asText(), "text: both non-overlapping line edits");
    }

    @Test
    void bothReplicasMergingTheSameHeadsCreateTheSameCommit() throws Exception {
        a.put(id("ann"), json("{\"name\":\"from a\"}"));
        b.put(id("ann"), json("{\"name\":\"from b\"}"));
        b.put(id("cid"), json("{\"name\":\"Cid\"}"));
        exchange();
        String ha = a.mergeBranch("b");
        String hb = b.mergeBranch("a");
        assertEquals(ha, hb, "deterministic merge commits let the cluster settle on one head");
        assertEquals(a.get(id("ann")).orElseThrow().data(), b.get(id("ann")).orElseThrow().data());
    }

    /** A commit with {@code a}'s current tree and parents but another identity: same content, other history. */
    private org.eclipse.jgit.lib.ObjectId twinOfHead(String who) throws Exception {
        org.eclipse.jgit.lib.Repository repo = a.repository();
        Head h = a.currentHead();
        try (org.eclipse.jgit.lib.ObjectInserter ins = repo.newObjectInserter()) {
            org.eclipse.jgit.lib.CommitBuilder cb = new org.eclipse.jgit.lib.CommitBuilder();
            cb.setTreeId(h.tree().id());
            cb.setParentIds(repo.parseCommit(h.commit()).getParents());
            org.eclipse.jgit.lib.PersonIdent id = new org.eclipse.jgit.lib.PersonIdent(who, who + "@x");
            cb.setAuthor(id);
            cb.setCommitter(id);
            cb.setMessage("same content, other history\n");
            org.eclipse.jgit.lib.ObjectId twin = ins.insert(cb);
            ins.flush();
            return twin;
        }
    }

    @Test
    void headsWithEqualContentButDifferentHistoriesAreJoinedKeepingBothHistories() throws Exception {
        org.eclipse.jgit.lib.Repository repo = a.repository();
        org.eclipse.jgit.lib.ObjectId tree = a.currentHead().tree().id();
        org.eclipse.jgit.lib.ObjectId before = a.currentHead().commit();
        org.eclipse.jgit.lib.ObjectId twin = twinOfHead("other");
        Integration joined = a.integrateWith(twin, null);
        org.eclipse.jgit.revwalk.RevCommit head = repo.parseCommit(a.currentHead().commit());
        assertEquals(java.util.Set.of(before, twin), java.util.Set.of(head.getParents()), "main keeps both histories");
        assertTrue(joined.containsOther());
        assertEquals(tree, a.currentHead().tree().id(), "readers see no change");
    }

    @Test
    void equalContentHeadsJoinedInAnyOrderGiveOneCommit() throws Exception {
        // Three heads with one tree, as when three nodes merged the same writes in different orders.
        org.eclipse.jgit.lib.ObjectId x = a.currentHead().commit(), y = twinOfHead("y"), z = twinOfHead("z");
        org.eclipse.jgit.lib.Repository repo = a.repository();
        // Replica a joins y then z; then, from x again, z then y; then the pairwise joins of the others.
        a.integrateWith(y, null);
        a.integrateWith(z, null);
        org.eclipse.jgit.lib.ObjectId first = a.currentHead().commit();
        a.advance(x);
        a.integrateWith(z, null);
        org.eclipse.jgit.lib.ObjectId xz = a.currentHead().commit();
        a.advance(y);
        a.integrateWith(z, null);
        org.eclipse.jgit.lib.ObjectId yz = a.currentHead().commit();
        a.advance(xz);
        a.integrateWith(yz, null);
        assertEquals(first, a.currentHead().commit(), "the join of x, y and z is one commit whatever the order");
        assertEquals(3, repo.parseCommit(first).getParentCount());
    }

    @Test
    void aConcurrentLwwConflictLeavesARecordWithBothValues() throws Exception {
        a.put(id("ann"), json("{\"name\":\"from a\"}"));
        b.put(id("ann"), json("{\"name\":\"from b\"}"));
        exchange();
        a.mergeBranch("b");
        String winner = a.get(id("ann")).orElseThrow().data().get("name").asText();
        assertTrue(winner.equals("from a") || winner.equals("from b"));
        List<ConflictRecord> cs = a.conflicts(100);
        ConflictRecord c = cs.stream().filter(r -> r.field().equals("name")).findFirst().orElseThrow();
        assertEquals(id("ann"), c.document());
        assertEquals("Ann", c.ancestor().orElseThrow().asText());
        assertEquals(new TreeSet<>(List.of("from a", "from b")), new TreeSet<>(List.of(c.ours().asText(), c.theirs().asText())));
        assertEquals(winner, c.winner().asText());
        assertFalse(c.oursCommit().isEmpty());
    }

    @Test
    void aDeleteBeatsAConcurrentEditWhenTheTypeSaysDeleteWins() throws Exception {
        a.delete(id("bob"));
        b.put(id("bob"), json("{\"name\":\"Bobby\"}"));
        exchange();
        a.mergeBranch("b");
        assertTrue(a.get(id("bob")).isEmpty(), "no deleted document comes back");
        assertTrue(a.conflicts(100).stream().anyMatch(r -> r.document().equals(id("bob")) && r.field().equals("*")),
                "the losing edit is kept in a conflict record");
    }

    @Test
    void anEditBeatsAConcurrentDeleteWhenTheTypeSaysEditWins() throws Exception {
        DocumentId n1 = DocumentId.of("note", "n1");
        a.delete(n1);
        b.put(n1, json("{\"text\":\"hello world\"}"));
        exchange();
        a.mergeBranch("b");
        assertEquals("hello world", a.get(n1).orElseThrow().data().get("text").asText());
    }

    @Test
    void mergingAnAncestorChangesNothingAndADescendantFastForwards() throws Exception {
        String before = a.head();
        exchange();
        assertEquals(before, a.mergeBranch("b"), "b holds nothing new");
        b.put(id("zed"), json("{\"name\":\"Zed\"}"));
        Fixtures.fetchMain(b, a, "b");
        assertEquals(b.head(), a.mergeBranch("b"), "a is an ancestor of b: fast-forward");
        assertTrue(a.get(id("zed")).isPresent());
    }

    @Test
    void mergingAMissingOrInvalidBranchIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(QuireException.NotFound.class, () -> a.mergeBranch("nope"));
        org.junit.jupiter.api.Assertions.assertThrows(QuireException.InvalidRequest.class, () -> a.mergeBranch("../x"));
    }

    private static TreeSet<String> strings(JsonNode arr) {
        TreeSet<String> s = new TreeSet<>();
        arr.forEach(e -> s.add(e.asText()));
        return s;
    }

    @Test
    void aScriptedPolicyStoredWithTheSchemaDecidesTheMerge() throws Exception {
        String scripted = """
                name: ranks
                version: 1
                scripts:
                  longest: "function merge(base, ours, theirs, ctx) { return ours.length >= theirs.length ? ours : theirs; }"
                types:
                  item:
                    fields:
                      rank: { type: string, merge: { script: longest } }
                """;
        GitDatabase ra = nodeA.create("ranks", scripted);
        ra.put(DocumentId.of("item", "x"), json("{\"rank\":\"b\"}"));
        GitDatabases nodeC = new GitDatabases(dir.resolve("c"), "c");
        try {
            GitDatabase rc = nodeC.adoptReplica("ranks", repo -> {
                try {
                    org.eclipse.jgit.api.Git.wrap(repo).fetch().setRemote(ra.repository().getDirectory().toURI().toString())
                            .setRefSpecs(new org.eclipse.jgit.transport.RefSpec("+refs/heads/main:refs/heads/main")).call();
                } catch (Exception e) {
                    throw new java.io.IOException(e);
                }
            });
            ra.put(DocumentId.of("item", "x"), json("{\"rank\":\"silver\"}"));
            rc.put(DocumentId.of("item", "x"), json("{\"rank\":\"gold\"}"));
            Fixtures.fetchMain(rc, ra, "c");
            ra.mergeBranch("c");
            assertEquals("silver", ra.get(DocumentId.of("item", "x")).orElseThrow().data().get("rank").asText(),
                    "the script, not last-writer-wins, picked the longer value");
        } finally {
            nodeC.close();
        }
    }
}
