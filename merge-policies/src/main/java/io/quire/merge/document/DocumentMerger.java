package io.quire.merge.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.Hlc;
import io.quire.merge.MergePolicies;
import io.quire.merge.ScriptRunner;
import io.quire.schema.DocumentType;
import io.quire.schema.OnConflict;
import io.quire.schema.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Merges one document three ways, field by field, with the policies its schema declares.
 *
 * <p>Pure: the same inputs give the same result on every replica, and swapping ours and theirs
 * gives the same merged document (the conflict records then name the sides the other way round).
 * <pre>
 *   base ── ours      trivial cases first (by canonical bytes: equal blobs merge trivially);
 *      \── theirs    then delete-vs-edit by the type's rule; then every merge unit on its own
 * </pre>
 * Thread-safe if its {@link ScriptRunner} is.
 */
public final class DocumentMerger {
    private final UnitMerger units;

    /**
     * @param policies the registry that named policies are looked up in
     * @param scripts  runs {@code PolicyRef.Script} policies ({@link ScriptRunner#none()} when scripting is off)
     */
    public DocumentMerger(MergePolicies policies, ScriptRunner scripts) {
        this.units = new UnitMerger(Objects.requireNonNull(policies, "policies"), Objects.requireNonNull(scripts, "scripts"));
    }

    /**
     * The merge of {@code ours} and {@code theirs} against their common ancestor {@code base}; an
     * empty optional is an absent (never created, or deleted) document.
     */
    public DocumentMergeResult merge(Schema schema, DocumentType type, Optional<StoredDocument> base,
                                     Optional<StoredDocument> ours, Optional<StoredDocument> theirs, MergeSides sides) {
        Optional<byte[]> b = base.map(DocumentCodec::encode);
        Optional<byte[]> o = ours.map(DocumentCodec::encode);
        Optional<byte[]> t = theirs.map(DocumentCodec::encode);
        if (same(o, t) || same(t, b)) return new DocumentMergeResult(ours, List.of());
        if (same(o, b)) return new DocumentMergeResult(theirs, List.of());
        if (ours.isEmpty() || theirs.isEmpty()) return deleteVsEdit(type, base.orElseThrow(), ours, theirs);
        return mergeFields(schema, type, base, ours.get(), theirs.get(), sides);
    }

    /** One side deleted the document and the other changed it: the type's rule decides, and it is recorded. */
    private static DocumentMergeResult deleteVsEdit(DocumentType type, StoredDocument base,
                                                    Optional<StoredDocument> ours, Optional<StoredDocument> theirs) {
        StoredDocument edited = ours.or(() -> theirs).orElseThrow();
        boolean deleteWins = type.onConflict() == OnConflict.DELETE_WINS;
        JsonNode winner = deleteWins ? NullNode.getInstance() : edited.data();
        FieldConflict record = new FieldConflict("*", Optional.of(base.data()), data(ours), data(theirs), winner,
                deleteWins ? "deleted on one side and edited on the other; " + type.onConflict().wireName() + ": stays deleted"
                        : "deleted on one side and edited on the other; " + type.onConflict().wireName() + ": the edit is kept");
        return new DocumentMergeResult(deleteWins ? Optional.empty() : Optional.of(edited), List.of(record));
    }

    private DocumentMergeResult mergeFields(Schema schema, DocumentType type, Optional<StoredDocument> base,
                                            StoredDocument ours, StoredDocument theirs, MergeSides sides) {
        List<StoredDocument> docs = new ArrayList<>(List.of(ours, theirs));
        base.ifPresent(docs::add);
        ObjectNode data = DocumentCodec.MAPPER.createObjectNode();
        TreeMap<String, Hlc> clocks = new TreeMap<>();
        List<FieldConflict> conflicts = new ArrayList<>();
        for (MergeUnit unit : MergeUnit.of(type, docs)) {
            UnitMerger.Result r = units.merge(schema, unit, base, ours, theirs, sides);
            unit.writeTo(data, r.value());
            if (!r.clock().equals(Hlc.ZERO)) clocks.put(unit.name(), r.clock());
            r.conflict().ifPresent(conflicts::add);
        }
        // Counter fields with replica histories: the pointwise max of both histories decides the
        // value, whatever the base was (see CounterState for why values alone are not enough).
        TreeMap<String, CounterState> counters = new TreeMap<>();
        java.util.Set<String> fields = new java.util.TreeSet<>(ours.counters().keySet());
        fields.addAll(theirs.counters().keySet());
        for (String f : fields) {
            CounterState merged = CounterState.merge(ours.counters().getOrDefault(f, CounterState.EMPTY),
                    theirs.counters().getOrDefault(f, CounterState.EMPTY));
            counters.put(f, merged);
            data.put(f, merged.value());
        }
        return new DocumentMergeResult(Optional.of(new StoredDocument(data, clocks, counters)), conflicts);
    }

    private static JsonNode data(Optional<StoredDocument> doc) {
        return doc.<JsonNode>map(StoredDocument::data).orElse(NullNode.getInstance());
    }

    private static boolean same(Optional<byte[]> a, Optional<byte[]> b) {
        return a.isPresent() == b.isPresent() && (a.isEmpty() || Arrays.equals(a.get(), b.get()));
    }
}
