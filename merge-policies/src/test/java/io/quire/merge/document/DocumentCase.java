package io.quire.merge.document;

import io.quire.merge.ScriptResult;
import io.quire.merge.ScriptRunner;
import io.quire.schema.DocumentType;
import io.quire.schema.Schema;
import java.util.Optional;

/** A generated three-way document merge: a schema, a type and three optional documents. */
record DocumentCase(Schema schema, DocumentType type, Optional<StoredDocument> base,
                    Optional<StoredDocument> ours, Optional<StoredDocument> theirs) {
    /**
     * Stands in for the sandbox in properties: script {@code first} returns its first side (as
     * asymmetric as a script can be, to show the engine's ordering keeps merges symmetric), script
     * {@code broken} always fails.
     */
    static final ScriptRunner SCRIPTS = (name, source, in) -> switch (name) {
        case "first" -> new ScriptResult.Merged(in.ours().value());
        default -> new ScriptResult.Failed(ScriptResult.Failure.THREW, "Error: broken on purpose");
    };

    static final DocumentMerger MERGER = new DocumentMerger(new io.quire.merge.MergePolicies(), SCRIPTS);

    DocumentMergeResult merge() {
        return MERGER.merge(schema, type, base, ours, theirs, new MergeSides("o", "t"));
    }

    DocumentCase swapped() {
        return new DocumentCase(schema, type, base, theirs, ours);
    }

    DocumentCase with(Optional<StoredDocument> b, Optional<StoredDocument> o, Optional<StoredDocument> t) {
        return new DocumentCase(schema, type, b, o, t);
    }

    static byte[] bytes(Optional<StoredDocument> doc) {
        return doc.map(DocumentCodec::encode).orElse(new byte[0]);
    }

    @Override
    public String toString() {
        return "type " + type + "\n base   " + text(base) + "\n ours   " + text(ours) + "\n theirs " + text(theirs);
    }

    static String text(Optional<StoredDocument> d) {
        return d.map(x -> new String(DocumentCodec.encode(x), java.nio.charset.StandardCharsets.UTF_8).strip()).orElse("(absent)");
    }
}
