package io.quire.server.store.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quire.merge.document.DocumentCodec;
import io.quire.merge.document.DocumentMergeResult;
import io.quire.merge.document.FieldConflict;
import io.quire.merge.document.StoredDocument;
import io.quire.schema.DocumentType;
import io.quire.schema.OnConflict;
import io.quire.schema.Schema;
import io.quire.schema.parse.SchemaException;
import io.quire.sdk.DocumentId;
import io.quire.server.store.ConflictLog;
import io.quire.server.store.PersistentTree;
import io.quire.server.store.StoreLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Three-way merge of two commits' trees against a base tree: the only code that reads three trees
 * and writes one. It walks only the paths that differ (equal subtrees are skipped, so the cost
 * follows the change) and merges each document changed on both sides with the schema's policies
 * through {@link DocMerge}. Symmetric: the sides are put in canonical order (by commit id) first,
 * and every tie-break below is on content, never on which side called.
 */
public final class TreeMerger {
    private final Repository repo;
    private final ObjectReader reader;
    private final ObjectInserter ins;
    private final DocMerge docMerge;
    private final SequenceStep sequences;

    public record Result(PersistentTree tree, Schema schema, int conflicts, List<DocumentId> bothChanged) {
    }

    /** The three input trees of a merge (the base is empty when the sides share no history). */
    public record Inputs(PersistentTree base, PersistentTree left, PersistentTree right) {
    }

    /**
     * Renumbers sequence keys a merge left naming another document, and re-stamps change stamps
     * (see SequenceRenumberer); may be a no-op.
     */
    @FunctionalInterface
    public interface SequenceStep {
        Map<String, ObjectId> renumber(Schema schema, Inputs inputs, PersistentTree merged, List<DocumentId> changed,
                                       List<DocumentId> divergent, ObjectReader reader, ObjectInserter ins) throws IOException;
    }

    public TreeMerger(Repository repo, ObjectReader reader, ObjectInserter ins, DocMerge docMerge, SequenceStep sequences) {
        this.repo = repo;
        this.reader = reader;
        this.ins = ins;
        this.docMerge = docMerge;
        this.sequences = sequences;
    }

    /**
     * Merges {@code a} and {@code b} (in either order: the result is the same) over {@code baseTree}
     * (null: no common ancestor).
     */
    public Result merge(ObjectId baseTree, RevCommit a, RevCommit b) throws IOException {
        return merge(baseTree, a, b, true);
    }

    /**
     * {@code fixSequences}: renumber and re-stamp sequence keys. Off for virtual merge bases: a
     * base must not hold values neither side ever had (renumbering raises counters, and a side equal
     * to such a base would then lose its own higher counters in the merge).
     */
    public Result merge(ObjectId baseTree, RevCommit a, RevCommit b, boolean fixSequences) throws IOException {
        RevCommit[] lr = MergeCommits.ordered(a, b);
        RevCommit left = lr[0], right = lr[1];
        String at = MergeCommits.time(a, b).toString();
        String leftReplica = replica(left), rightReplica = replica(right);
        ObjectId baseSchema = baseTree == null ? null : blobIn(baseTree, schemaPath());
        Schema schema = chooseSchema(baseSchema, blobIn(left.getTree(), schemaPath()), blobIn(right.getTree(), schemaPath()));
        PersistentTree result = PersistentTree.load(ins::newReader, left.getTree().getId());
        Map<String, ObjectId> changes = new LinkedHashMap<>();
        Map<DocumentId, List<FieldConflict>> conflicts = new TreeMap<>();
        List<DocumentId> changedDocs = new ArrayList<>();
        List<DocumentId> divergentDocs = new ArrayList<>(); // the two sides differ: the merge changes it for one of them
        List<DocumentId> bothChanged = new ArrayList<>();
        Map<String, ObjectId[]> conflictFiles = new TreeMap<>();
        try (TreeWalk tw = new TreeWalk(repo, reader)) {
            if (baseTree == null) tw.addTree(new EmptyTreeIterator());
            else tw.addTree(baseTree);
            tw.addTree(left.getTree());
            tw.addTree(right.getTree());
            tw.setRecursive(true);
            tw.setFilter(TreeFilter.ANY_DIFF);
            while (tw.next()) {
                String path = tw.getPathString();
                ObjectId base = tw.getObjectId(0), l = tw.getObjectId(1), r = tw.getObjectId(2);
                Optional<DocumentId> doc = StoreLayout.parseDocPath(path);
                doc.ifPresent(changedDocs::add);
                if (doc.isPresent() && !l.equals(r)) divergentDocs.add(doc.get());
                if (l.equals(r) || base.equals(r)) continue; // left already holds the result
                if (base.equals(l)) {
                    changes.put(path, r.equals(ObjectId.zeroId()) ? PersistentTree.DELETE : r);
                    continue;
                }
                if (doc.isPresent()) {
                    bothChanged.add(doc.get());
                    mergeDocument(schema, doc.get(), base, l, r, left, right, changes, conflicts);
                } else if (path.equals(schemaPath())) {
                    changes.put(path, schemaBlob(l, r));
                } else if (path.startsWith(StoreLayout.META_DIR + "/" + StoreLayout.CONFLICTS_DIR + "/")) {
                    conflictFiles.put(path, new ObjectId[]{l, r});
                } else if (StoreLayout.parseBlobEntry(path.substring(path.lastIndexOf('/') + 1)).isEmpty()) {
                    // Anything else (never written by Quire itself): keep a value rather than lose one.
                    ObjectId keep = l.equals(ObjectId.zeroId()) ? r : r.equals(ObjectId.zeroId()) ? l
                            : l.name().compareTo(r.name()) >= 0 ? l : r;
                    changes.put(path, keep);
                }
                // Blob entries (ID~FIELD) follow their document: set in mergeDocument.
            }
        }
        for (Map.Entry<String, ObjectId[]> f : conflictFiles.entrySet()) {
            ArrayNode u = ConflictLog.union(readArray(f.getValue()[0]), readArray(f.getValue()[1]));
            changes.put(f.getKey(), u.isEmpty() ? PersistentTree.DELETE : ins.insert(Constants.OBJ_BLOB, DocumentCodec.canonical(u)));
        }
        int count = 0;
        for (Map.Entry<DocumentId, List<FieldConflict>> e : conflicts.entrySet()) {
            String path = StoreLayout.conflictPath(e.getKey());
            ObjectId existing = changes.containsKey(path) ? changes.get(path) : result.blob(path);
            ArrayNode records = DocumentCodec.MAPPER.createArrayNode();
            for (FieldConflict c : e.getValue()) {
                records.add(ConflictLog.record(e.getKey(), c.field(), c.ancestor(), c.ours(), c.theirs(), c.winner(), c.reason(),
                        leftReplica, rightReplica, left.name(), right.name(), at));
                count++;
            }
            ArrayNode u = ConflictLog.union(readArray(existing), records);
            changes.put(path, ins.insert(Constants.OBJ_BLOB, DocumentCodec.canonical(u)));
        }
        PersistentTree merged = result.with(changes);
        Map<String, ObjectId> renumbered = Map.of();
        if (fixSequences) {
            Inputs inputs = new Inputs(PersistentTree.load(ins::newReader, baseTree),
                    PersistentTree.load(ins::newReader, left.getTree().getId()), PersistentTree.load(ins::newReader, right.getTree().getId()));
            renumbered = sequences.renumber(schema, inputs, merged, changedDocs, divergentDocs, reader, ins);
        }
        merged = merged.with(renumbered).write(ins);
        return new Result(merged, schema, count, bothChanged);
    }

    private void mergeDocument(Schema schema, DocumentId id, ObjectId base, ObjectId l, ObjectId r, RevCommit left, RevCommit right,
                               Map<String, ObjectId> changes, Map<DocumentId, List<FieldConflict>> conflicts) throws IOException {
        DocumentType type = schema.type(id.type()).orElseGet(() ->
                new DocumentType(id.type(), OnConflict.DELETE_WINS, Map.of(), Map.of(), false));
        Optional<StoredDocument> bd = readDoc(base), ld = readDoc(l), rd = readDoc(r);
        DocumentMergeResult res = docMerge.merge(schema, type, bd, ld, rd, left.name(), right.name());
        String path = StoreLayout.docPath(id);
        // Blob entries: drop the left side's, then add those the merged document references.
        ld.ifPresent(d -> StoreLayout.blobPaths(type, id, d.data()).keySet().forEach(p -> changes.put(p, PersistentTree.DELETE)));
        if (res.merged().isPresent()) {
            StoredDocument m = res.merged().get();
            changes.put(path, ins.insert(Constants.OBJ_BLOB, DocumentCodec.encode(m)));
            changes.putAll(StoreLayout.blobPaths(type, id, m.data()));
        } else {
            changes.put(path, PersistentTree.DELETE);
        }
        if (!res.conflicts().isEmpty()) conflicts.computeIfAbsent(id, k -> new ArrayList<>()).addAll(res.conflicts());
    }

    private Optional<StoredDocument> readDoc(ObjectId id) throws IOException {
        if (id.equals(ObjectId.zeroId())) return Optional.empty();
        return Optional.of(DocumentCodec.decode(reader.open(id, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE)));
    }

    private ArrayNode readArray(ObjectId id) throws IOException {
        if (id == null || id.equals(ObjectId.zeroId()) || id.equals(PersistentTree.DELETE)) return DocumentCodec.MAPPER.createArrayNode();
        JsonNode n = DocumentCodec.MAPPER.readTree(reader.open(id, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE));
        return n instanceof ArrayNode a ? a : DocumentCodec.MAPPER.createArrayNode();
    }

    private static String schemaPath() {
        return StoreLayout.META_DIR + "/" + StoreLayout.SCHEMA_FILE;
    }

    private ObjectId blobIn(ObjectId tree, String path) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(reader, path, tree)) { // the reader sees virtual merge bases too
            return tw == null ? null : tw.getObjectId(0);
        }
    }

    /** Of two schemas, the one with the higher version (ties: the larger text), so both sides agree. */
    private Schema chooseSchema(ObjectId base, ObjectId l, ObjectId r) throws IOException {
        ObjectId pick = l == null ? (r == null ? base : r) : r == null ? l : pickSchemaBlob(l, r);
        if (pick == null) throw new IOException("merged trees hold no schema");
        return parse(pick);
    }

    private ObjectId schemaBlob(ObjectId l, ObjectId r) throws IOException {
        if (l.equals(ObjectId.zeroId())) return r;
        if (r.equals(ObjectId.zeroId())) return l;
        return pickSchemaBlob(l, r);
    }

    private ObjectId pickSchemaBlob(ObjectId l, ObjectId r) throws IOException {
        int vl = parse(l).version(), vr = parse(r).version();
        if (vl != vr) return vl > vr ? l : r;
        return l.name().compareTo(r.name()) >= 0 ? l : r;
    }

    private Schema parse(ObjectId blob) throws IOException {
        String text = new String(reader.open(blob, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE), StandardCharsets.UTF_8);
        try {
            return io.quire.server.store.MergeEngine.parseSchema(text);
        } catch (SchemaException e) {
            throw new IOException("a merged schema does not parse: " + e.getMessage(), e);
        }
    }

    /** The node that made a commit (from its committer e-mail, {@code node@quire.invalid}). */
    static String replica(RevCommit c) {
        String email = c.getCommitterIdent().getEmailAddress();
        int at = email.indexOf('@');
        return at > 0 ? email.substring(0, at) : email;
    }
}
