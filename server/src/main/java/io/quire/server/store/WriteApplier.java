package io.quire.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.Hlc;
import io.quire.merge.document.DocumentCodec;
import io.quire.merge.document.StoredDocument;
import io.quire.schema.DocumentType;
import io.quire.schema.FieldDef;
import io.quire.schema.FieldType;
import io.quire.schema.validate.DocumentValidator;
import io.quire.schema.validate.Violation;
import io.quire.sdk.CommitResult;
import io.quire.sdk.DocumentId;
import io.quire.sdk.QuireException;
import io.quire.sdk.Revision;
import io.quire.sdk.Transaction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * Applies the transactions of one group commit to an overlay of path changes on top of the head
 * tree. Each transaction sees the writes of those before it in the group; a transaction that fails
 * (precondition, schema) leaves the overlay as it was, so the others still commit.
 */
final class WriteApplier {
    private final Head head;
    private final ObjectInserter ins;
    private final ObjectReader reader;
    private final Supplier<Hlc> clock;
    private final Map<String, ObjectId> changes = new LinkedHashMap<>();

    WriteApplier(Head head, ObjectInserter ins, ObjectReader reader, Supplier<Hlc> clock) {
        this.head = head;
        this.ins = ins;
        this.reader = reader;
        this.clock = clock;
    }

    /** The accumulated path changes (blob id, or {@link PersistentTree#DELETE}). */
    Map<String, ObjectId> changes() {
        return changes;
    }

    /** Applies {@code tx} or throws without changing the overlay. */
    List<CommitResult.Written> apply(Transaction tx) throws IOException {
        Map<String, ObjectId> local = new LinkedHashMap<>();
        List<CommitResult.Written> out = new ArrayList<>();
        for (Transaction.Op op : tx.ops()) {
            String path = StoreLayout.docPath(op.id());
            ObjectId current = lookup(local, path);
            checkPrecondition(op, current);
            switch (op) {
                case Transaction.Put put -> out.add(put(put, path, current, local));
                case Transaction.Delete del -> {
                    if (current == null) throw new QuireException.NotFound("no document " + del.id());
                    DocumentType type = head.schema().type(del.id().type()).orElse(null);
                    for (String blobPath : StoreLayout.blobPaths(type, del.id(), read(current).data()).keySet())
                        local.put(blobPath, PersistentTree.DELETE);
                    local.put(path, PersistentTree.DELETE);
                    out.add(new CommitResult.Written(del.id(), Optional.empty()));
                }
            }
        }
        changes.putAll(local);
        return out;
    }

    private CommitResult.Written put(Transaction.Put put, String path, ObjectId current, Map<String, ObjectId> local) throws IOException {
        DocumentId id = put.id();
        DocumentType type = head.schema().type(id.type()).orElseThrow(() ->
                new QuireException.NotFound("schema '" + head.schema().name() + "' has no document type '" + id.type() + "'"));
        ObjectNode data = put.data().deepCopy();
        storeBlobs(type, data, put.blobs());
        List<Violation> violations = DocumentValidator.validate(type, data);
        if (!violations.isEmpty())
            throw new QuireException.SchemaViolation("document " + id + " does not match type '" + type.name() + "'", violations);
        Optional<StoredDocument> before = current == null ? Optional.empty() : Optional.of(read(current));
        Map<String, Hlc> beforeClocks = before.<Map<String, Hlc>>map(StoredDocument::clocks).orElse(Map.of());
        Hlc now = clock.get();
        StoredDocument doc = new StoredDocument(data, MergeUnits.stamp(type, before.map(StoredDocument::data), beforeClocks, data, now),
                MergeUnits.counters(type, before, data, now.replica()));
        ObjectId blob = ins.insert(Constants.OBJ_BLOB, DocumentCodec.encode(doc));
        if (before.isPresent())
            for (String stale : StoreLayout.blobPaths(type, id, before.get().data()).keySet()) local.put(stale, PersistentTree.DELETE);
        local.putAll(StoreLayout.blobPaths(type, id, data));
        local.put(path, blob);
        return new CommitResult.Written(id, Optional.of(new Revision(blob.name())));
    }

    /**
     * Turns blob field values ({@code {"$base64": ...}}, or bytes passed beside the document) into
     * Git blobs and replaces them with {@code {"$blob": id, "size": n}}; checks that referenced
     * blobs exist.
     */
    private Map<String, ObjectId> storeBlobs(DocumentType type, ObjectNode data, Map<String, byte[]> given) throws IOException {
        Map<String, ObjectId> out = new HashMap<>();
        for (FieldDef f : type.fields().values()) {
            if (f.type() != FieldType.BLOB) continue;
            byte[] bytes = given.get(f.name());
            JsonNode v = data.get(f.name());
            if (bytes == null && v != null && v.isObject() && v.has("$base64")) {
                try {
                    bytes = Base64.getMimeDecoder().decode(v.get("$base64").asText());
                } catch (IllegalArgumentException e) {
                    throw new QuireException.InvalidRequest("field /" + f.name() + ": $base64 is not valid base64");
                }
            }
            ObjectId id;
            long size;
            if (bytes != null) {
                id = ins.insert(Constants.OBJ_BLOB, bytes);
                size = bytes.length;
            } else if (v != null && v.isObject() && v.path("$blob").isTextual()) {
                String hex = v.get("$blob").asText();
                if (!ObjectId.isId(hex) || !reader.has(id = ObjectId.fromString(hex), Constants.OBJ_BLOB))
                    throw new QuireException.InvalidRequest("field /" + f.name() + ": no blob " + hex + " in this database");
                size = reader.getObjectSize(id, Constants.OBJ_BLOB);
            } else {
                continue;
            }
            ObjectNode ref = data.putObject(f.name());
            ref.put("$blob", id.name());
            ref.put("size", size);
            out.put(f.name(), id);
        }
        return out;
    }

    private void checkPrecondition(Transaction.Op op, ObjectId current) {
        Optional<Revision> want = op.ifMatch();
        if (want.isEmpty()) return;
        String expected = want.get().value();
        String actual = current == null ? Transaction.ABSENT : current.name();
        if (!expected.equals(actual))
            throw new QuireException.PreconditionFailed(
                    Transaction.ABSENT.equals(expected) ? "document " + op.id() + " already exists"
                            : current == null ? "document " + op.id() + " does not exist"
                            : "document " + op.id() + " has revision " + actual + ", not " + expected,
                    current == null ? null : current.name());
    }

    private ObjectId lookup(Map<String, ObjectId> local, String path) {
        ObjectId v = local.containsKey(path) ? local.get(path) : changes.containsKey(path) ? changes.get(path) : head.tree().blob(path);
        return PersistentTree.DELETE.equals(v) ? null : v;
    }

    private StoredDocument read(ObjectId blob) throws IOException {
        return DocumentCodec.decode(reader.open(blob, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE));
    }
}
