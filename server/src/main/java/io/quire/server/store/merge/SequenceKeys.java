package io.quire.server.store.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.document.DocumentCodec;
import io.quire.merge.document.StoredDocument;
import io.quire.merge.sequence.Renumbering;
import io.quire.merge.sequence.ScopeKey;
import io.quire.merge.sequence.SequenceRenumberer;
import io.quire.merge.sequence.SequencedDocument;
import io.quire.schema.DocumentType;
import io.quire.schema.FieldDef;
import io.quire.schema.Schema;
import io.quire.schema.SequenceDef;
import io.quire.sdk.DocumentId;
import io.quire.server.store.PersistentTree;
import io.quire.server.store.StoreLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * The tree side of sequence keys: after the documents are merged, finds the changed documents whose
 * sequence values collide and gives each of them a fresh value (the pure rule lives in
 * {@link SequenceRenumberer}), then raises the counters past the new values.
 */
public final class SequenceKeys implements TreeMerger.SequenceStep {
    @Override
    public Map<String, ObjectId> renumber(Schema schema, PersistentTree merged, List<DocumentId> changed, List<DocumentId> divergent,
                                          ObjectReader reader, ObjectInserter ins) throws IOException {
        Map<String, ObjectId> out = new LinkedHashMap<>();
        // Unique keys first (they may move documents to new values), then change stamps over the result.
        for (SequenceDef.Mode mode : SequenceDef.Mode.values()) {
            for (DocumentType type : schema.types().values()) {
                for (FieldDef f : type.fields().values()) {
                    if (f.sequence().isEmpty() || f.sequence().get().mode() != mode) continue;
                    if (mode == SequenceDef.Mode.UNIQUE) renumberField(type, f, f.sequence().get(), merged.with(out), changed, reader, ins, out);
                    else stampField(type, f, f.sequence().get(), merged.with(out), divergent, reader, ins, out);
                }
            }
        }
        return out;
    }

    /**
     * Gives every document the merge changed (as seen from either side) a fresh value above its
     * scope's counter, in document-id order, and raises the counter: a client that remembers
     * either side's counter (IMAP HIGHESTMODSEQ) then sees every change the merge brought.
     */
    private void stampField(DocumentType type, FieldDef field, SequenceDef def, PersistentTree tree, List<DocumentId> divergent,
                            ObjectReader reader, ObjectInserter ins, Map<String, ObjectId> out) throws IOException {
        if (def.counter().isEmpty()) return;
        SequenceDef.CounterRef ref = def.counter().get();
        TreeMap<String, List<DocumentId>> byOwner = new TreeMap<>();
        for (DocumentId id : new java.util.TreeSet<>(divergent)) {
            if (!id.type().equals(type.name())) continue;
            Optional<StoredDocument> d = read(tree.with(out), StoreLayout.docPath(id), reader);
            JsonNode owner = d.map(x -> x.data().get(ref.idField())).orElse(null);
            if (owner != null && owner.isTextual() && DocumentId.problem(ref.type(), owner.asText()) == null)
                byOwner.computeIfAbsent(owner.asText(), k -> new ArrayList<>()).add(id);
        }
        for (Map.Entry<String, List<DocumentId>> e : byOwner.entrySet()) {
            String counterPath = StoreLayout.docPath(DocumentId.of(ref.type(), e.getKey()));
            Optional<StoredDocument> counterDoc = read(tree.with(out), counterPath, reader);
            long next = counterDoc.map(c -> c.data().path(ref.field()).asLong(0)).orElse(0L);
            for (DocumentId id : e.getValue()) {
                String path = StoreLayout.docPath(id);
                StoredDocument d = read(tree.with(out), path, reader).orElseThrow();
                next = Math.max(next, d.data().path(field.name()).asLong(0));
                ObjectNode data = d.data().deepCopy();
                data.put(field.name(), ++next);
                out.put(path, ins.insert(Constants.OBJ_BLOB, DocumentCodec.encode(new StoredDocument(data, d.clocks(), d.counters()))));
            }
            if (counterDoc.isPresent()) {
                ObjectNode data = counterDoc.get().data().deepCopy();
                data.put(ref.field(), next);
                out.put(counterPath, ins.insert(Constants.OBJ_BLOB,
                        DocumentCodec.encode(new StoredDocument(data, counterDoc.get().clocks(), counterDoc.get().counters()))));
            }
        }
    }

    private void renumberField(DocumentType type, FieldDef field, SequenceDef def, PersistentTree tree, List<DocumentId> changed,
                               ObjectReader reader, ObjectInserter ins, Map<String, ObjectId> out) throws IOException {
        List<SequencedDocument> docs = new ArrayList<>();
        Map<String, StoredDocument> stored = new HashMap<>();
        Map<ScopeKey, String> counterDocs = new TreeMap<>();
        for (DocumentId id : changed) {
            if (!id.type().equals(type.name())) continue;
            Optional<StoredDocument> d = read(tree, StoreLayout.docPath(id), reader);
            if (d.isEmpty()) continue;
            Optional<SequencedDocument> s = SequencedDocument.of(id.id(), d.get().data(), field.name(), def);
            if (s.isEmpty()) continue;
            docs.add(s.get());
            stored.put(id.id(), d.get());
            def.counter().ifPresent(c -> {
                JsonNode owner = d.get().data().get(c.idField());
                if (owner != null && owner.isTextual()) counterDocs.putIfAbsent(s.get().scope(), owner.asText());
            });
        }
        if (docs.size() < 2) return;
        Map<ScopeKey, Long> counters = new TreeMap<>();
        for (Map.Entry<ScopeKey, String> e : counterDocs.entrySet()) {
            String counterType = def.counter().get().type();
            if (DocumentId.problem(counterType, e.getValue()) != null) continue;
            read(tree, StoreLayout.docPath(DocumentId.of(counterType, e.getValue())), reader)
                    .map(c -> c.data().path(def.counter().get().field()))
                    .filter(JsonNode::canConvertToLong)
                    .ifPresent(v -> counters.put(e.getKey(), v.asLong()));
        }
        Renumbering r = SequenceRenumberer.renumber(docs, counters);
        if (!r.changed()) return;
        for (Map.Entry<String, Long> e : r.newValues().entrySet()) {
            StoredDocument d = stored.get(e.getKey());
            ObjectNode data = d.data().deepCopy();
            data.put(field.name(), e.getValue());
            out.put(StoreLayout.docPath(DocumentId.of(type.name(), e.getKey())),
                    ins.insert(Constants.OBJ_BLOB, DocumentCodec.encode(new StoredDocument(data, d.clocks(), d.counters()))));
        }
        if (def.counter().isEmpty()) return;
        for (Map.Entry<ScopeKey, Long> e : r.counters().entrySet()) {
            String owner = counterDocs.get(e.getKey());
            if (owner == null) continue;
            String path = StoreLayout.docPath(DocumentId.of(def.counter().get().type(), owner));
            Optional<StoredDocument> c = read(tree, path, reader);
            if (c.isEmpty()) continue; // the counter's document is gone (e.g. mailbox deleted): nothing to raise
            JsonNode cur = c.get().data().path(def.counter().get().field());
            if (cur.canConvertToLong() && cur.asLong() >= e.getValue()) continue;
            ObjectNode data = c.get().data().deepCopy();
            data.put(def.counter().get().field(), e.getValue());
            out.put(path, ins.insert(Constants.OBJ_BLOB, DocumentCodec.encode(new StoredDocument(data, c.get().clocks(), c.get().counters()))));
        }
    }

    private static Optional<StoredDocument> read(PersistentTree tree, String path, ObjectReader reader) throws IOException {
        ObjectId id = tree.blob(path);
        if (id == null) return Optional.empty();
        return Optional.of(DocumentCodec.decode(reader.open(id, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE)));
    }
}
