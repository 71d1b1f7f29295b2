package io.quire.server.store.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.document.DocumentCodec;
import io.quire.merge.document.StoredDocument;
import io.quire.merge.sequence.Renumbering;
import io.quire.merge.sequence.RenumberingInput;
import io.quire.merge.sequence.ScopeCounters;
import io.quire.merge.sequence.ScopeKey;
import io.quire.merge.sequence.SequencePlace;
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
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tree side of sequence keys: after the documents are merged, finds the changed documents
 * whose sequence value a client of either side may know as another document's, gives each a fresh
 * value (the pure rule lives in {@link SequenceRenumberer}), raises the counters past the new
 * values, then re-stamps change stamps over the result.
 */
public final class SequenceKeys implements TreeMerger.SequenceStep {
    private static final Logger log = LoggerFactory.getLogger(SequenceKeys.class);

    @Override
    public Map<String, ObjectId> renumber(Schema schema, TreeMerger.Inputs inputs, PersistentTree merged, List<DocumentId> changed,
                                          List<DocumentId> divergent, ObjectReader reader, ObjectInserter ins) throws IOException {
        Map<String, ObjectId> out = new LinkedHashMap<>();
        Set<DocumentId> stamp = new TreeSet<>(divergent); // a renumbered document changed for the clients of both sides
        // Unique keys first (they may move documents to new values), then change stamps over the result.
        for (SequenceDef.Mode mode : SequenceDef.Mode.values()) {
            for (DocumentType type : schema.types().values()) {
                for (FieldDef f : type.fields().values()) {
                    if (f.sequence().isEmpty() || f.sequence().get().mode() != mode) continue;
                    if (mode == SequenceDef.Mode.UNIQUE)
                        renumberField(type, f, f.sequence().get(), inputs, merged.with(out), changed, reader, ins, out, stamp);
                    else stampField(type, f, f.sequence().get(), merged.with(out), stamp, reader, ins, out);
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
    private void stampField(DocumentType type, FieldDef field, SequenceDef def, PersistentTree tree, Set<DocumentId> divergent,
                            ObjectReader reader, ObjectInserter ins, Map<String, ObjectId> out) throws IOException {
        if (def.counter().isEmpty()) return;
        SequenceDef.CounterRef ref = def.counter().get();
        TreeMap<String, List<DocumentId>> byOwner = new TreeMap<>();
        for (DocumentId id : divergent) {
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

    /**
     * Renumbers one unique sequence field. Both sides are read only for documents whose value both
     * may have handed out since the base (the rest need no side to decide), so the cost follows
     * the contended documents, not the merge.
     */
    private void renumberField(DocumentType type, FieldDef field, SequenceDef def, TreeMerger.Inputs in, PersistentTree tree,
                               List<DocumentId> changed, ObjectReader reader, ObjectInserter ins, Map<String, ObjectId> out,
                               Set<DocumentId> renumbered) throws IOException {
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
        if (docs.isEmpty()) return;
        TreeMap<ScopeKey, ScopeCounters> counters = new TreeMap<>();
        for (Map.Entry<ScopeKey, String> e : counterDocs.entrySet()) {
            String counterType = def.counter().get().type();
            if (DocumentId.problem(counterType, e.getValue()) != null) continue;
            String path = StoreLayout.docPath(DocumentId.of(counterType, e.getValue()));
            counters.put(e.getKey(), counters(in, tree, path, def.counter().get().field(), reader));
        }
        Map<String, SequencePlace> left = new HashMap<>(), right = new HashMap<>();
        for (SequencedDocument s : docs) {
            ScopeCounters c = counters.get(s.scope());
            if (c == null || !c.bothMayHaveIssued(s.value())) continue;
            String path = StoreLayout.docPath(DocumentId.of(type.name(), s.id()));
            place(in.left(), path, s.id(), field, def, reader).ifPresent(p -> left.put(s.id(), p));
            place(in.right(), path, s.id(), field, def, reader).ifPresent(p -> right.put(s.id(), p));
        }
        Renumbering r = SequenceRenumberer.renumber(new RenumberingInput(docs, left, right, counters));
        for (Map.Entry<String, Long> e : r.newValues().entrySet()) {
            StoredDocument d = stored.get(e.getKey());
            ObjectNode data = d.data().deepCopy();
            data.put(field.name(), e.getValue());
            DocumentId id = DocumentId.of(type.name(), e.getKey());
            out.put(StoreLayout.docPath(id), ins.insert(Constants.OBJ_BLOB, DocumentCodec.encode(new StoredDocument(data, d.clocks(), d.counters()))));
            renumbered.add(id);
        }
        if (!r.newValues().isEmpty())
            log.debug("event=sequence_renumbered type={} field={} documents={}", type.name(), field.name(), r.newValues().size());
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

    /**
     * A scope's counter at the base, on each side and in the merged tree, with the gaps filled as
     * {@link ScopeCounters} says: a holder absent from the base counts from the lowest value; a
     * side without it never had it (nothing handed out) unless the base had it, in which case the
     * side deleted it and may have handed out anything.
     */
    private static ScopeCounters counters(TreeMerger.Inputs in, PersistentTree merged, String path, String field, ObjectReader reader)
            throws IOException {
        OptionalLong b = counter(in.base(), path, field, reader), l = counter(in.left(), path, field, reader),
                r = counter(in.right(), path, field, reader), m = counter(merged, path, field, reader);
        long base = b.orElse(Long.MIN_VALUE);
        long mergedValue = m.orElse(Math.max(l.orElse(Long.MIN_VALUE), r.orElse(Long.MIN_VALUE)));
        long unknown = b.isPresent() ? Math.max(mergedValue, base) : base;
        return new ScopeCounters(base, l.orElse(unknown), r.orElse(unknown), mergedValue);
    }

    private static OptionalLong counter(PersistentTree tree, String path, String field, ObjectReader reader) throws IOException {
        Optional<StoredDocument> d = read(tree, path, reader);
        if (d.isEmpty()) return OptionalLong.empty();
        JsonNode v = d.get().data().path(field);
        return v.isIntegralNumber() && v.canConvertToLong() ? OptionalLong.of(v.asLong()) : OptionalLong.empty();
    }

    /** Where document {@code id} sits on one side, if it is there with a value. */
    private static Optional<SequencePlace> place(PersistentTree side, String path, String id, FieldDef field, SequenceDef def,
                                                 ObjectReader reader) throws IOException {
        Optional<StoredDocument> d = read(side, path, reader);
        if (d.isEmpty()) return Optional.empty();
        return SequencedDocument.of(id, d.get().data(), field.name(), def).map(SequencedDocument::place);
    }

    private static Optional<StoredDocument> read(PersistentTree tree, String path, ObjectReader reader) throws IOException {
        ObjectId id = tree.blob(path);
        if (id == null) return Optional.empty();
        return Optional.of(DocumentCodec.decode(reader.open(id, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE)));
    }
}
