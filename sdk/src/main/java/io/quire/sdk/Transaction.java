package io.quire.sdk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Several writes committed atomically in one commit: all of them, or none if any precondition or
 * schema check fails. Build with {@link #builder()}.
 */
public record Transaction(List<Op> ops, String message) {
    public Transaction {
        ops = List.copyOf(ops);
        if (ops.isEmpty()) throw new QuireException.InvalidRequest("a transaction needs at least one write");
    }

    /** One write. {@code ifMatch}: the revision the document must have (or must not exist when {@link #ABSENT}). */
    public sealed interface Op {
        DocumentId id();

        Optional<Revision> ifMatch();
    }

    /** Marker revision for "must not exist yet" preconditions (If-None-Match: *). */
    public static final String ABSENT = "0000000000000000000000000000000000000000";

    /**
     * Create or replace. {@code blobs}: bytes for blob fields, by field name; the stored data gets a
     * reference {@code {"$blob":"<id>","size":n}} in their place.
     */
    public record Put(DocumentId id, ObjectNode data, Map<String, byte[]> blobs, Optional<Revision> ifMatch) implements Op {
        public Put {
            blobs = Map.copyOf(blobs);
        }
    }

    public record Delete(DocumentId id, Optional<Revision> ifMatch) implements Op {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<Op> ops = new ArrayList<>();
        private String message = "";

        public Builder put(DocumentId id, ObjectNode data) {
            ops.add(new Put(id, data, Map.of(), Optional.empty()));
            return this;
        }

        public Builder put(DocumentId id, ObjectNode data, Revision ifMatch) {
            ops.add(new Put(id, data, Map.of(), Optional.of(ifMatch)));
            return this;
        }

        public Builder put(DocumentId id, ObjectNode data, Map<String, byte[]> blobs, Optional<Revision> ifMatch) {
            ops.add(new Put(id, data, blobs, ifMatch));
            return this;
        }

        public Builder delete(DocumentId id) {
            ops.add(new Delete(id, Optional.empty()));
            return this;
        }

        public Builder delete(DocumentId id, Revision ifMatch) {
            ops.add(new Delete(id, Optional.of(ifMatch)));
            return this;
        }

        public Builder add(Op op) {
            ops.add(op);
            return this;
        }

        /** A note for the commit message (the commit records it; it is not needed for anything). */
        public Builder message(String m) {
            this.message = m == null ? "" : m;
            return this;
        }

        public Transaction build() {
            return new Transaction(Collections.unmodifiableList(ops), message);
        }
    }
}
