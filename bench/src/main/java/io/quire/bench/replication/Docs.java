package io.quire.bench.replication;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.sdk.DocumentId;
import io.quire.sdk.Transaction;

/**
 * The replication benchmarks' data: one type whose fields use several merge policies, so that a
 * document written on two sides goes through field merges, and documents of about 120 bytes of JSON.
 */
final class Docs {
    static final String TYPE = "event";

    static final String SCHEMA = """
            name: repl
            version: 1
            types:
              event:
                fields:
                  origin: { type: string,  required: true, merge: lww }
                  seq:    { type: integer, merge: lww }
                  body:   { type: string,  merge: lww }
                  hits:   { type: integer, merge: counter }
                  tags:   { type: array, items: string, merge: set }
            """;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Docs() {
    }

    static DocumentId id(String key) {
        return DocumentId.of(TYPE, key);
    }

    /** A document written by {@code origin} as its {@code seq}-th write, with {@code hits} visits. */
    static ObjectNode doc(String origin, long seq, long hits) {
        ObjectNode d = JSON.objectNode();
        d.put("origin", origin);
        d.put("seq", seq);
        d.put("body", "written by " + origin + " as write " + seq + " of the replication benchmark");
        d.put("hits", hits);
        d.putArray("tags").add("from-" + origin);
        return d;
    }

    static Transaction put(DocumentId id, ObjectNode doc) {
        return Transaction.builder().put(id, doc).build();
    }
}
