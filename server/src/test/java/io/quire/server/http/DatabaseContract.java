package io.quire.server.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.schema.parse.SchemaParser;
import io.quire.sdk.ChangeBatch;
import io.quire.sdk.CommitResult;
import io.quire.sdk.Database;
import io.quire.sdk.DatabaseInfo;
import io.quire.sdk.Databases;
import io.quire.sdk.Document;
import io.quire.sdk.DocumentId;
import io.quire.sdk.DocumentVersion;
import io.quire.sdk.Page;
import io.quire.sdk.QuireException;
import io.quire.sdk.Revision;
import io.quire.sdk.Transaction;
import io.quire.sdk.remote.Wire;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Database} does, embedded or remote: the same calls give the same results and
 * the same {@link QuireException} kinds. Implementations supply a fresh, empty {@link Databases}.
 */
interface DatabaseContract {
    DocumentId ANN = DocumentId.of("contact", "ann");

    Databases databases();

    default Database contacts() {
        return databases().open("contacts").orElseGet(() -> databases().create("contacts", Schemas.CONTACTS_YAML));
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) Wire.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    default void aCreatedDatabaseIsListedAndOpens() throws Exception {
        contacts();
        assertEquals(List.of("contacts"), databases().list());
        DatabaseInfo info = databases().require("contacts").info();
        assertEquals("contacts", info.name());
        assertEquals(SchemaParser.parse(Schemas.CONTACTS_YAML), info.schema());
        assertEquals(0L, info.documentCounts().get("contact"));
        assertFalse(info.replicaId().isEmpty());
    }

    @Test
    default void creatingAnExistingDatabaseIsAlreadyExists() {
        contacts();
        assertThrows(QuireException.AlreadyExists.class, () -> databases().create("contacts", Schemas.CONTACTS_YAML));
    }

    @Test
    default void anInvalidSchemaIsInvalidSchemaWithLocatedProblems() {
        var e = assertThrows(QuireException.InvalidSchema.class,
                () -> databases().create("bad", "name: bad\nversion: 1\ntypes:\n  t:\n    fields:\n      f: { type: strng }\n"));
        assertTrue(e.problems().get(0).line() > 0);
        assertTrue(databases().open("bad").isEmpty());
    }

    @Test
    default void anUnknownDatabaseDoesNotOpen() {
        assertTrue(databases().open("nothing").isEmpty());
        assertThrows(QuireException.NotFound.class, () -> databases().require("nothing"));
    }

    @Test
    default void aNameThatCannotExistDoesNotOpen() {
        assertTrue(databases().open("Bad Name").isEmpty());
        assertTrue(databases().open("a..b").isEmpty());
        assertThrows(QuireException.InvalidRequest.class, () -> databases().create("Bad Name", Schemas.CONTACTS_YAML));
    }

    @Test
    default void limitsBeyondTheMaximumAreClampedNotRefused() {
        Database db = contacts();
        db.put(ANN, json("{\"name\":\"Ann\"}"));
        assertEquals(1, db.list("contact", Optional.empty(), 50_000).documents().size());
        assertEquals(1, db.changes("", 1_000_000).changes().size());
        assertEquals(1, db.history(ANN, 50_000).size());
        assertTrue(db.conflicts(50_000).isEmpty());
    }

    @Test
    default void aWrittenDocumentReadsBackWithItsRevision() {
        Database db = contacts();
        Revision rev = db.put(ANN, json("{\"name\":\"Ann\",\"emails\":[\"a@x\"]}"));
        Document doc = db.get(ANN).orElseThrow();
        assertEquals(rev, doc.rev());
        assertEquals("Ann", doc.data().get("name").asText());
        assertEquals(ANN, doc.id());
        assertTrue(db.get(DocumentId.of("contact", "nobody")).isEmpty());
    }

    @Test
    default void aStaleRevisionIsPreconditionFailedNamingTheCurrentOne() {
        Database db = contacts();
        Revision first = db.put(ANN, json("{\"name\":\"Ann\"}"));
        Revision second = db.put(ANN, json("{\"name\":\"Ann B\"}"), first);
        var e = assertThrows(QuireException.PreconditionFailed.class, () -> db.put(ANN, json("{\"name\":\"C\"}"), first));
        assertEquals(second.value(), e.currentRevision());
        assertEquals("Ann B", db.get(ANN).orElseThrow().data().get("name").asText());
    }

    @Test
    default void createOnlyOnAnExistingDocumentIsPreconditionFailed() {
        Database db = contacts();
        Revision absent = new Revision(Transaction.ABSENT);
        db.put(ANN, json("{\"name\":\"Ann\"}"), absent);
        assertThrows(QuireException.PreconditionFailed.class, () -> db.put(ANN, json("{\"name\":\"B\"}"), absent));
    }

    @Test
    default void aSchemaViolationNamesTheFailingPaths() {
        Database db = contacts();
        var e = assertThrows(QuireException.SchemaViolation.class, () -> db.put(ANN, json("{\"emails\":[1]}")));
        Set<String> paths = new HashSet<>();
        e.violations().forEach(v -> paths.add(v.path()));
        assertTrue(paths.containsAll(Set.of("/name", "/emails/0")), paths.toString());
    }

    @Test
    default void anUnknownTypeIsNotFound() {
        Database db = contacts();
        assertThrows(QuireException.NotFound.class, () -> db.put(DocumentId.of("robot", "r2"), json("{}")));
        assertThrows(QuireException.NotFound.class, () -> db.list("robot", Optional.empty(), 10));
    }

    @Test
    default void deletingRemovesTheDocumentAndDeletingAgainIsNotFound() {
        Database db = contacts();
        db.put(ANN, json("{\"name\":\"Ann\"}"));
        db.delete(ANN);
        assertTrue(db.get(ANN).isEmpty());
        assertThrows(QuireException.NotFound.class, () -> db.delete(ANN));
    }

    @Test
    default void aTransactionIsAllOrNothing() {
        Database db = contacts();
        String head = db.head();
        Transaction tx = Transaction.builder()
                .put(ANN, json("{\"name\":\"Ann\"}"))
                .put(DocumentId.of("contact", "bob"), json("{\"name\":\"Bob\"}"), new Revision("1".repeat(40)))
                .build();
        assertThrows(QuireException.PreconditionFailed.class, () -> db.commit(tx));
        assertEquals(head, db.head());
        assertTrue(db.get(ANN).isEmpty());
        CommitResult ok = db.commit(Transaction.builder().put(ANN, json("{\"name\":\"Ann\"}"))
                .put(DocumentId.of("note", "n"), json("{\"text\":\"hi\"}")).message("two at once").build());
        assertEquals(db.head(), ok.commit());
        assertEquals(List.of(ANN, DocumentId.of("note", "n")), ok.written().stream().map(CommitResult.Written::id).toList());
    }

    @Test
    default void listingPagesThroughEveryDocumentOnce() {
        Database db = contacts();
        for (int i = 0; i < 5; i++) db.put(DocumentId.of("contact", "c" + i), json("{\"name\":\"C" + i + "\"}"));
        Set<DocumentId> seen = new HashSet<>();
        Optional<String> after = Optional.empty();
        for (int pages = 0; pages < 10; pages++) {
            Page p = db.list("contact", after, 2);
            p.documents().forEach(d -> assertTrue(seen.add(d.id())));
            after = p.next();
            if (after.isEmpty()) break;
        }
        assertEquals(5, seen.size());
    }

    @Test
    default void changesSinceACommitListWhatWasWrittenAfterIt() {
        Database db = contacts();
        String start = db.head();
        Revision rev = db.put(ANN, json("{\"name\":\"Ann\"}"));
        ChangeBatch batch = db.changes(start, 100);
        assertEquals(start, batch.since());
        assertEquals(db.head(), batch.until());
        assertEquals(1, batch.changes().size());
        assertEquals(Optional.of(rev), batch.changes().get(0).rev());
        assertTrue(db.changes(db.head(), 100).changes().isEmpty());
        assertThrows(QuireException.NotFound.class, () -> db.changes("ab".repeat(20), 10));
    }

    @Test
    default void aListenerSeesEachNewHead() throws Exception {
        Database db = contacts();
        LinkedBlockingQueue<ChangeBatch> seen = new LinkedBlockingQueue<>();
        try (AutoCloseable handle = db.listen(seen::add)) {
            db.put(ANN, json("{\"name\":\"Ann\"}"));
            ChangeBatch b = seen.poll(10, TimeUnit.SECONDS);
            assertEquals(db.head(), b.until());
            assertEquals(ANN, b.changes().get(0).id());
            db.delete(ANN);
            ChangeBatch d = seen.poll(10, TimeUnit.SECONDS);
            assertTrue(d.changes().get(0).deleted());
        }
    }

    @Test
    default void historyKeepsEveryVersion() {
        Database db = contacts();
        Revision v1 = db.put(ANN, json("{\"name\":\"Ann\"}"));
        Revision v2 = db.put(ANN, json("{\"name\":\"Ann B\"}"));
        db.delete(ANN);
        List<DocumentVersion> versions = db.history(ANN, 10);
        assertEquals(3, versions.size());
        Set<Optional<Revision>> revs = new HashSet<>();
        versions.forEach(v -> revs.add(v.rev()));
        assertEquals(Set.of(Optional.of(v1), Optional.of(v2), Optional.<Revision>empty()), revs);
        versions.stream().filter(v -> v.rev().isPresent()).forEach(v -> assertTrue(v.data().isPresent()));
    }

    @Test
    default void blobBytesGivenBesideADocumentReadBack() {
        Database db = contacts();
        byte[] avatar = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
        db.commit(Transaction.builder().put(ANN, json("{\"name\":\"Ann\"}"), Map.of("avatar", avatar), Optional.empty()).build());
        String blobId = db.get(ANN).orElseThrow().data().get("avatar").get("$blob").asText();
        assertArrayEquals(avatar, db.blob(blobId).orElseThrow());
        assertTrue(db.blob("a".repeat(40)).isEmpty());
    }

    @Test
    default void aFreshDatabaseHasNoConflicts() {
        assertTrue(contacts().conflicts(10).isEmpty());
    }
}
