package io.quire.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.document.DocumentCodec;
import io.quire.merge.document.StoredDocument;
import io.quire.schema.DocumentType;
import io.quire.schema.FieldDef;
import io.quire.schema.FieldType;
import io.quire.schema.OnConflict;
import io.quire.schema.PolicyRef;
import io.quire.schema.Schema;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A schema with one type holding one field {@code f} merged by the named policy. */
public record OneField(String policyName) {
    public DocumentType type() {
        FieldDef f = new FieldDef("f", FieldType.ANY, FieldType.ANY, false, new PolicyRef.Named(policyName), Optional.empty());
        return new DocumentType("t", OnConflict.DELETE_WINS, Map.of("f", f), Map.of(), false);
    }

    public Schema schema() {
        return new Schema("test", 1, Map.of("t", type()), Map.of());
    }

    public StoredDocument doc(JsonNode value, Hlc clock) {
        ObjectNode data = DocumentCodec.MAPPER.createObjectNode();
        if (!JsonOrder.isAbsent(value)) data.set("f", value);
        TreeMap<String, Hlc> clocks = new TreeMap<>();
        if (!clock.equals(Hlc.ZERO)) clocks.put("f", clock);
        return new StoredDocument(data, clocks);
    }

    public byte[] bytes(Optional<StoredDocument> doc) {
        return doc.map(DocumentCodec::encode).orElse(new byte[0]);
    }
}
