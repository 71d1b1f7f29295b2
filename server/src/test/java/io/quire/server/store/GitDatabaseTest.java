package io.quire.server.store;

import static io.quire.server.store.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.sdk.ChangeBatch;
import io.quire.sdk.CommitResult;
import io.quire.sdk.Document;
import io.quire.sdk.DocumentId;
import io.quire.sdk.DocumentVersion;
import io.quire.sdk.Page;
import io.quire.sdk.QuireException;
import io.quire.sdk.Revision;
import io.quire.sdk.Transaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitDatabaseTest {
    @TempDir
    Path dir;
    GitDatabases dbs;
    GitDatabase db;

    @BeforeEach
    void open() {
        dbs = new GitDatabases(dir, "a");
        db = dbs.create("contacts", Fixtures.CONTACTS);
    }

    @AfterEach
    void close() {
        dbs.close();
    }

    static DocumentId contact(String id) {
        return DocumentId.of("contact", id);
    }

    @Test
    void aWrittenDocumentReadsBackWithItsRevision() {
        Revision rev = db.put(contact("ann"), json("{\"name\":\"Ann\",\"score\":1.5}"));
        Document d = db.get(contact("ann")).orElseThrow();
        assertEquals(rev, d.rev());
        assertEquals("Ann", d.data().get("name").asText());
        assertEquals(1.5, d.data().get("score").asDouble());
    }

    @Test
    void equalContentWrittenTwiceKeepsTheSameRevisionOnlyWhenNothingChanged() {
        Revision r1 = db.put(contact("ann"), json("{\"name\":\"Ann\"}"));
        Revision r2 = db.put(contact("ann"), json("{\"name\":\"Ann\"}"));
        assertEquals(r1, r2, "an identical write leaves the stored bytes (clocks included) unchanged");
        Revision r3 = db.put(contact("ann"), json("{\"name\":\"Anne\"}"));
        assertNotEquals(r1, r3);
    }

    @Test
    void aStaleIfMatchIsRefusedAndWritesNothing() {
        Revision r1 = db.put(contact("ann"), json("{\"name\":\"Ann\"}"));
        db.put(contact("ann"), json("{\"name\":\"Anne\"}"), r1);
        String head = db.head();
        QuireException.PreconditionFailed e = assertThrows(QuireException.PreconditionFailed.class,
                () -> db.put(contact("ann"), json("{\"name\":\"Annie\"}"), r1));
        assertNotEquals(r1.value(), e.currentRevision());
        assertEquals(head, db.head());
        assertEquals("Anne", db.get(contact("ann")).orElseThrow().data().get("name").asText());
    }

    @Test
    void createOnlyRefusesAnExistingDocument() {
        db.put(contact("ann"), json("{\"name\":\"Ann\"}"));
        assertThrows(QuireException.PreconditionFailed.class, () -> db.commit(Transaction.builder()
                .put(contact("ann"), json("{\"name\":\"B\"}"), new Revision(Transaction.ABSENT)).build()));
    }

    @Test
    void aSchemaViolationNamesEveryFailingFieldAndWritesNothing() {
        String head = db.head();
        QuireException.SchemaViolation e = assertThrows(QuireException.SchemaViolation.class,
                () -> db.put(contact("ann"), json("{\"visits\":\"many\",\"emails\":[\"a\",3]}")));
        Set<String> paths = new HashSet<>();
        e.violations().forEach(v -> paths.add(v.path()));
        assertTrue(paths.containsAll(Set.of("/name", "/visits", "/emails/1")), paths.toString());
        assertEquals(head, db.head());
    }

    @Test
    void anUnknownTypeIsNotFound() {
        assertThrows(QuireException.NotFound.class, () -> db.put(DocumentId.of("nosuch", "x"), json("{}")));
    }

    @Test
    void aTransactionCommitsAllOrNothing() {
        db.put(contact("ann"), json("{\"name\":\"Ann\"}"));
        String head = db.head();
        assertThrows(QuireException.SchemaViolation.class, () -> db.commit(Transaction.builder()
                .put(contact("bob"), json("{\"name\":\"Bob\"}"))
                .delete(contact("ann"))
                .put(contact("cid"), json("{\"visits\":1}"))
                .build()));
        assertEquals(head, db.head());
        assertTrue(db.get(contact("bob")).isEmpty());
        assertTrue(db.get(contact("ann")).isPresent());
        CommitResult ok = db.commit(Transaction.builder()
                .put(contact("bob"), json("{\"name\":\"Bob\"}"))
                .delete(contact("ann")).build());
        assertEquals(2, ok.written().size());
        assertEquals(ok.commit(), db.head());
        assertTrue(db.get(contact("ann")).isEmpty());
    }

    @Test
    void deletingAMissingDocumentIsNotFound() {
        assertThrows(QuireException.NotFound.class, () -> db.delete(contact("ghost")));
    }

    @Test
    void blobFieldsAreStoredAsSeparateBlobsAndReadBack() {
        byte[] avatar = "\u0000\u0001binary\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        CommitResult r = db.commit(Transaction.builder()
                .put(contact("ann"), json("{\"name\":\"Ann\"}"), Map.of("avatar", avatar), Optional.empty()).build());
        Document d = db.get(contact("ann")).orElseThrow();
        String blobId = d.data().get("avatar").get("$blob").asText();
        assertEquals(avatar.length, d.data().get("avatar").get("size").asInt());
        assertEquals(new String(avatar, StandardCharsets.ISO_8859_1), new String(db.blob(blobId).orElseThrow(), StandardCharsets.ISO_8859_1));
        String entry = "contact/" + StoreLayout.bucketName(StoreLayout.bucket("ann")) + "/ann~avatar";
        assertEquals(blobId, db.currentHead().tree().blob(entry).name());
        db.delete(contact("ann"));
        assertEquals(null, db.currentHead().tree().blob(entry), "deleting the document removes its blob entries");
        assertFalse(r.commit().isEmpty());
    }

    @Test
    void base64BlobValuesBecomeBlobReferences() {
        db.put(contact("ann"), json("{\"name\":\"Ann\",\"avatar\":{\"$base64\":\"aGVsbG8=\"}}"));
        Document d = db.get(contact("ann")).orElseThrow();
        assertEquals("hello", new String(db.blob(d.data().get("avatar").get("$blob").asText()).orElseThrow(), StandardCharsets.UTF_8));
    }

    @Test
    void listingPagesVisitEveryDocumentOnce() {
        Transaction.Builder tx = Transaction.builder();
        for (int i = 0; i < 250; i++) tx.put(contact("c" + i), json("{\"name\":\"n" + i + "\"}"));
        db.commit(tx.build());
        Set<String> seen = new HashSet<>();
        Optional<String> after = Optional.empty();
        int pages = 0;
        do {
            Page p = db.list("contact", after, 40);
            for (Document d : p.documents()) assertTrue(seen.add(d.id().id()), "listed twice: " + d.id());
            after = p.next();
            pages++;
        } while (after.isPresent());
        assertEquals(250, seen.size());
        assertTrue(pages >= 7);
        assertEquals(250L, db.info().documentCounts().get("contact"));
    }

    @Test
    void changesSinceACommitNameOnlyWhatChanged() {
        db.put(contact("ann"), json("{\"name\":\"Ann\"}"));
        db.put(contact("bob"), json("{\"name\":\"Bob\"}"));
        String since = db.head();
        db.put(contact("bob"), json("{\"name\":\"Bobby\"}"));
        db.delete(contact("ann"));
        db.put(contact("cid"), json("{\"name\":\"Cid\"}"));
        ChangeBatch b = db.changes(since, 100);
        assertEquals(db.head(), b.until());
        Map<String, Boolean> deleted = new java.util.TreeMap<>();
        b.changes().forEach(c -> deleted.put(c.id().id(), c.deleted()));
        assertEquals(Map.of("ann", true, "bob", false, "cid", false), deleted);
    }

    @Test
    void changesAreCutAtACommitBoundaryWhenOverTheLimit() {
        String since = db.head();
        for (int i = 0; i < 5; i++) db.put(contact("c" + i), json("{\"name\":\"x\"}"));
        ChangeBatch first = db.changes(since, 2);
        assertEquals(2, first.changes().size());
        ChangeBatch rest = db.changes(first.until(), 100);
        assertEquals(3, rest.changes().size());
        assertEquals(db.head(), rest.until());
    }

    @Test
    void anUnknownSinceCommitIsNotFound() {
        assertThrows(QuireException.NotFound.class, () -> db.changes("0123456789012345678901234567890123456789", 10));
        assertThrows(QuireException.InvalidRequest.class, () -> db.changes("../../etc", 10));
    }

    @Test
    void historyListsEachVersionNewestFirstIncludingTheDelete() {
        db.put(contact("ann"), json("{\"name\":\"A1\"}"));
        db.put(contact("bob"), json("{\"name\":\"B\"}"));
        db.put(contact("ann"), json("{\"name\":\"A2\"}"));
        db.delete(contact("ann"));
        List<DocumentVersion> h = db.history(contact("ann"), 10);
        assertEquals(3, h.size());
        assertTrue(h.get(0).data().isEmpty());
        assertEquals("A2", h.get(1).data().orElseThrow().get("name").asText());
        assertEquals("A1", h.get(2).data().orElseThrow().get("name").asText());
    }

    @Test
    void concurrentWritersShareCommitsAndAllWritesAreAcknowledged() throws Exception {
        int writers = 32, each = 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        Set<String> commits = ConcurrentHashMap.newKeySet();
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int ww = w;
            fs.add(pool.submit(() -> {
                for (int i = 0; i < each; i++)
                    commits.add(db.commit(Transaction.builder().put(contact("w" + ww + "-" + i), json("{\"name\":\"x\"}")).build()).commit());
            }));
        }
        for (Future<?> f : fs) f.get();
        pool.shutdown();
        assertEquals((long) writers * each, db.info().documentCounts().get("contact"));
        assertTrue(commits.size() < writers * each, "group commit should put several writes in one commit, got " + commits.size());
    }

    @Test
    void reopeningKeepsEveryAcknowledgedWrite() {
        for (int i = 0; i < 20; i++) db.put(contact("c" + i), json("{\"name\":\"n" + i + "\"}"));
        String head = db.head();
        dbs.close();
        dbs = new GitDatabases(dir, "a");
        GitDatabase again = dbs.get("contacts");
        assertEquals(head, again.head());
        assertEquals("n7", again.get(contact("c7")).orElseThrow().data().get("name").asText());
    }

    @Test
    void creatingADatabaseTwiceIsRefused() {
        assertThrows(QuireException.AlreadyExists.class, () -> dbs.create("contacts", Fixtures.CONTACTS));
    }

    @Test
    void anInvalidSchemaIsRefusedWithItsLine() {
        QuireException.InvalidSchema e = assertThrows(QuireException.InvalidSchema.class,
                () -> dbs.create("bad", "name: bad\nversion: 1\ntypes:\n  t:\n    fields:\n      f: { type: string, merge: nope }\n"));
        assertEquals(6, e.problems().get(0).line());
        assertFalse(dbs.list().contains("bad"));
    }

    @Test
    void stockGitFsckAcceptsTheRepository() throws Exception {
        for (int i = 0; i < 10; i++) db.put(contact("c" + i), json("{\"name\":\"n\",\"avatar\":{\"$base64\":\"AAEC\"}}"));
        db.delete(contact("c3"));
        Process p = new ProcessBuilder("git", "--git-dir", db.repository().getDirectory().getPath(), "fsck", "--strict")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void aHigherSchemaVersionReplacesTheSchemaAndALowerOneIsRefused() {
        String v2 = Fixtures.CONTACTS.replace("version: 1", "version: 2").replace("      text: { type: string, merge: text }",
                "      text: { type: string, merge: text }\n      title: { type: string }");
        db.updateSchema(v2);
        assertEquals(2, db.schema().version());
        db.put(DocumentId.of("note", "n"), json("{\"text\":\"t\",\"title\":\"x\"}"));
        assertThrows(QuireException.AlreadyExists.class, () -> db.updateSchema(Fixtures.CONTACTS));
        dbs.close();
        dbs = new GitDatabases(dir, "a");
        assertEquals(2, dbs.get("contacts").schema().version(), "the schema is stored in the database");
    }
}
