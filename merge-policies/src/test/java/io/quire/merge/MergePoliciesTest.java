package io.quire.merge;

import static io.quire.merge.Json.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.TextNode;
import io.quire.merge.document.DocumentMerger;
import io.quire.merge.document.MergeSides;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MergePoliciesTest {
    /** The README's example: a Java policy joining two edited titles, registered and used from a schema. */
    @Test
    void registeredJavaPolicyIsUsedByTheMerger() {
        // --- README example start
        MergePolicy longerTitle = in -> {
            String a = in.ours().value().asText();
            String b = in.theirs().value().asText();
            // Symmetric: the choice depends on the values only, never on which side is "ours".
            String longer = a.length() != b.length() ? (a.length() > b.length() ? a : b) : (a.compareTo(b) > 0 ? a : b);
            return new MergeOutcome.Clean(TextNode.valueOf(longer));
        };
        MergePolicies policies = new MergePolicies().register("longer-title", longerTitle);
        DocumentMerger merger = new DocumentMerger(policies, ScriptRunner.none());
        // --- README example end
        OneField schema = new OneField("longer-title");
        var merged = merger.merge(schema.schema(), schema.type(), Optional.of(schema.doc(json("\"T\""), Hlc.ZERO)),
                Optional.of(schema.doc(json("\"Title\""), new Hlc(1, 0, "a"))), Optional.of(schema.doc(json("\"Tit\""), new Hlc(2, 0, "b"))),
                MergeSides.unknown());
        assertEquals(json("\"Title\""), merged.merged().orElseThrow().data().get("f"));
    }

    @Test
    void registeringANameTwiceIsAnError() {
        MergePolicies policies = new MergePolicies();
        assertThrows(IllegalArgumentException.class, () -> policies.register("lww", in -> new MergeOutcome.Clean(in.ours().value())));
        policies.register("mine", in -> new MergeOutcome.Clean(in.ours().value()));
        assertThrows(IllegalArgumentException.class, () -> policies.register("mine", in -> new MergeOutcome.Clean(in.ours().value())));
    }

    @Test
    void builtinsMatchTheNamesSchemasMayUse() {
        assertEquals(io.quire.schema.PolicyRef.BUILTIN, new MergePolicies().names());
    }

    @Test
    void malformedNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MergePolicies().register("Bad Name", in -> null));
    }
}
