package io.quire.merge.sequence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.JsonOrder;
import io.quire.schema.SequenceDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A document as the renumbering step sees it: its id, the scope its sequence value lives in, the
 * value, and the values it is ordered by when it must be renumbered.
 *
 * @param id      the document id (the last tie-break of the order)
 * @param scope   the document's scope key
 * @param value   its current sequence value
 * @param orderBy the values of the sequence's {@code orderBy} fields, in declaration order (JSON null when absent)
 */
public record SequencedDocument(String id, ScopeKey scope, long value, List<JsonNode> orderBy) {
    public SequencedDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        orderBy = orderBy.stream().map(JsonOrder::orNull).toList();
    }

    /** Where the document sits: its scope and value. */
    public SequencePlace place() {
        return new SequencePlace(scope, value);
    }

    /**
     * Reads a document's sequence entry for the sequence field {@code field} declared by {@code def};
     * empty when the document holds no integer value there (it then takes part in no collision).
     */
    public static Optional<SequencedDocument> of(String id, ObjectNode data, String field, SequenceDef def) {
        JsonNode v = data.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) return Optional.empty();
        List<JsonNode> order = new ArrayList<>(def.orderBy().size());
        for (String f : def.orderBy()) order.add(JsonOrder.orNull(data.get(f)));
        return Optional.of(new SequencedDocument(id, ScopeKey.of(data, def.scope()), v.longValue(), order));
    }
}
