package io.quire.merge.document;

import static io.quire.merge.Json.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.Hlc;
import io.quire.schema.DocumentType;
import io.quire.schema.FieldGroup;
import io.quire.schema.OnConflict;
import io.quire.schema.PolicyRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Worked examples of document merges (the properties cover the laws). */
class DocumentMergerTest {
    static final Hlc T1 = new Hlc(1, 0, "a");
    static final Hlc T2 = new Hlc(2, 0, "b");

    static DocumentType message(OnConflict onConflict, PolicyRef groupPolicy) {
        return DocumentMergerProperties.type(new PolicyRef.Named("set"), new PolicyRef.Named("counter"), groupPolicy, onConflict, true);
    }

    static Optional<StoredDocument> doc(String data, Object... clocks) {
        TreeMap<String, Hlc> c = new TreeMap<>();
        for (int i = 0; i < clocks.length; i += 2) c.put((String) clocks[i], (Hlc) clocks[i + 1]);
        return Optional.of(new StoredDocument((ObjectNode) json(data), c));
    }

    static DocumentMergeResult merge(DocumentType type, Optional<StoredDocument> b, Optional<StoredDocument> o, Optional<StoredDocument> t) {
        return DocumentCase.MERGER.merge(DocumentMergerProperties.schema(type), type, b, o, t, new MergeSides("ours1", "theirs1"));
    }

    @Test
    void concurrentMovesEndInOneMailboxWithItsUid() {
        DocumentType type = message(OnConflict.DELETE_WINS, PolicyRef.lww());
        var base = doc("{\"m\":\"INBOX\",\"u\":1}");
        var ours = doc("{\"m\":\"Archive\",\"u\":7}", "g", T1);
        var theirs = doc("{\"m\":\"Trash\",\"u\":3}", "g", T2);
        DocumentMergeResult r = merge(type, base, ours, theirs);
        assertEquals(json("{\"m\":\"Trash\",\"u\":3}"), r.merged().orElseThrow().data());
        assertEquals(T2, r.merged().orElseThrow().clockOf("g"));
        FieldConflict c = r.conflicts().getFirst();
        assertEquals("g", c.field());
        assertEquals(json("{\"m\":\"Archive\",\"u\":7}"), c.ours());
    }

    @Test
    void fieldsChangedOnDifferentSidesCombineWithoutConflict() {
        DocumentType type = message(OnConflict.DELETE_WINS, PolicyRef.lww());
        var base = doc("{\"a\":[\"seen\"],\"b\":1}");
        var ours = doc("{\"a\":[\"seen\",\"flagged\"],\"b\":1}");
        var theirs = doc("{\"a\":[],\"b\":3}");
        DocumentMergeResult r = merge(type, base, ours, theirs);
        assertEquals(json("{\"a\":[\"flagged\"],\"b\":3}"), r.merged().orElseThrow().data());
        assertTrue(r.conflicts().isEmpty());
    }

    @Test
    void deleteBeatsEditUnderDeleteWinsAndTheEditIsRecorded() {
        DocumentType type = message(OnConflict.DELETE_WINS, PolicyRef.lww());
        var base = doc("{\"b\":1}");
        var edited = doc("{\"b\":2}");
        DocumentMergeResult r = merge(type, base, Optional.empty(), edited);
        assertTrue(r.merged().isEmpty());
        assertEquals(List.of(new FieldConflict("*", Optional.of(json("{\"b\":1}")), json("null"), json("{\"b\":2}"), json("null"),
                "deleted on one side and edited on the other; delete-wins: stays deleted")), r.conflicts());
    }

    @Test
    void editBeatsDeleteUnderEditWins() {
        DocumentType type = message(OnConflict.EDIT_WINS, PolicyRef.lww());
        var edited = doc("{\"b\":2}");
        DocumentMergeResult r = merge(type, doc("{\"b\":1}"), edited, Optional.empty());
        assertEquals(edited, r.merged());
        assertEquals("*", r.conflicts().getFirst().field());
    }

    @Test
    void deleteOfAnUnchangedDocumentIsClean() {
        DocumentMergeResult r = merge(message(OnConflict.EDIT_WINS, PolicyRef.lww()), doc("{\"b\":1}"), doc("{\"b\":1}"), Optional.empty());
        assertTrue(r.merged().isEmpty());
        assertTrue(r.conflicts().isEmpty());
    }

    @Test
    void undeclaredFieldsMergeByLastWriterAndKeepTheLoser() {
        DocumentMergeResult r = merge(message(OnConflict.EDIT_WINS, PolicyRef.lww()), doc("{}"),
                doc("{\"x\":\"mine\"}", "x", T2), doc("{\"x\":\"yours\"}", "x", T1));
        assertEquals(json("{\"x\":\"mine\"}"), r.merged().orElseThrow().data());
        assertEquals(json("\"yours\""), r.conflicts().getFirst().theirs());
    }

    @Test
    void aLaterDeleteOfAFieldBeatsAnEarlierEdit() {
        DocumentMergeResult r = merge(message(OnConflict.EDIT_WINS, PolicyRef.lww()), doc("{\"x\":1}"),
                doc("{}", "x", T2), doc("{\"x\":2}", "x", T1));
        assertEquals(json("{}"), r.merged().orElseThrow().data());
        assertEquals(T2, r.merged().orElseThrow().clockOf("x"));
    }

    @Test
    void failingScriptFallsBackToLastWriterAndNamesTheScript() {
        DocumentType type = message(OnConflict.EDIT_WINS, new PolicyRef.Script("broken"));
        DocumentMergeResult r = merge(type, doc("{\"m\":\"A\"}"), doc("{\"m\":\"B\"}", "g", T1), doc("{\"m\":\"C\"}", "g", T2));
        assertEquals(json("{\"m\":\"C\"}"), r.merged().orElseThrow().data());
        String reason = r.conflicts().getFirst().reason();
        assertTrue(reason.contains("'broken'") && reason.contains("THREW") && reason.contains("broken on purpose"), reason);
    }

    @Test
    void unregisteredPolicyFallsBackToLastWriterAndSaysSo() {
        DocumentType type = DocumentMergerProperties.type(new PolicyRef.Named("nosuch"), PolicyRef.lww(), PolicyRef.lww(), OnConflict.EDIT_WINS, false);
        DocumentMergeResult r = merge(type, doc("{\"a\":1}"), doc("{\"a\":2}", "a", T1), doc("{\"a\":3}", "a", T2));
        assertEquals(json("{\"a\":3}"), r.merged().orElseThrow().data());
        assertTrue(r.conflicts().getFirst().reason().contains("'nosuch' is not registered"));
    }

    @Test
    void groupPolicyReturningAMixedValueFallsBack() {
        DocumentType type = new DocumentType("t", OnConflict.EDIT_WINS, DocumentMergerProperties.type(PolicyRef.lww(), PolicyRef.lww(),
                PolicyRef.lww(), OnConflict.EDIT_WINS, false).fields(),
                Map.of("g", new FieldGroup("g", List.of("m", "u"), new PolicyRef.Named("set"))), false);
        DocumentMergeResult r = merge(type, doc("{\"m\":\"A\",\"u\":1}"), doc("{\"m\":\"B\",\"u\":2}", "g", T1), doc("{\"m\":\"C\",\"u\":3}", "g", T2));
        assertEquals(json("{\"m\":\"C\",\"u\":3}"), r.merged().orElseThrow().data());
        assertTrue(r.conflicts().getFirst().reason().contains("cannot hold"));
    }
}
