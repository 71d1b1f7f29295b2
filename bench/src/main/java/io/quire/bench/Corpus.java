package io.quire.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.sdk.Database;
import io.quire.sdk.DocumentId;
import io.quire.sdk.Transaction;
import java.util.function.IntFunction;

/**
 * The benchmark data: one schema with a field for each kind of merge policy, and documents of
 * about 200 bytes named {@code c0000000}, {@code c0000001}, ... so that any run can recompute them.
 */
final class Corpus {
    static final String DB = "bench";
    static final String TYPE = "contact";

    /** Policies chosen so that a merge of a document changed on both sides runs several field merges. */
    static final String SCHEMA = """
            name: bench
            version: 1
            types:
              contact:
                onConflict: edit-wins
                fields:
                  name:   { type: string,  required: true, merge: lww }
                  email:  { type: string,  merge: lww }
                  tags:   { type: array, items: string, merge: set }
                  visits: { type: integer, merge: counter }
                  notes:  { type: string,  merge: text }
            """;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Corpus() {
    }

    static DocumentId id(int i) {
        return DocumentId.of(TYPE, String.format("c%07d", i));
    }

    /** Ids {@code 0..n-1} made in advance, so load generators spend their CPU in the store, not in formatting. */
    static DocumentId[] ids(int n) {
        DocumentId[] out = new DocumentId[n];
        for (int i = 0; i < n; i++) out[i] = id(i);
        return out;
    }

    /** Document {@code i} at version {@code v}: a new version changes the visit counter only. */
    static ObjectNode doc(int i, int v) {
        ObjectNode d = JSON.objectNode();
        d.put("name", "Contact number " + i);
        d.put("email", "contact" + i + "@example.org");
        d.putArray("tags").add("group-" + (i % 7)).add("since-" + (2000 + i % 25));
        d.put("visits", v);
        d.put("notes", "first line of " + i + "\nsecond line\nthird line\n");
        return d;
    }

    /** Writes documents {@code from..to-1} (made by {@code make}) in transactions of {@code perTx} documents. */
    static void fill(Database db, int from, int to, int perTx, IntFunction<ObjectNode> make) {
        for (int start = from; start < to; start += perTx) {
            Transaction.Builder tx = Transaction.builder();
            for (int i = start; i < Math.min(to, start + perTx); i++) tx.put(id(i), make.apply(i));
            db.commit(tx.build());
        }
    }
}
