package io.quire.sdk.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.sdk.Change;
import io.quire.sdk.ChangeBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON form of a change batch ({@code GET /api/v1/db/{db}/changes} and each SSE {@code change} event):
 * <pre>
 * {"since":"c1","until":"c2","changes":[{"type":"t","id":"x","rev":"r2","previous":"r1","deleted":false}]}
 * </pre>
 */
public final class ChangeWire {
    private ChangeWire() {
    }

    public static ObjectNode toJson(ChangeBatch batch) {
        ObjectNode root = Wire.object();
        root.put("since", batch.since());
        root.put("until", batch.until());
        ArrayNode changes = root.putArray("changes");
        for (Change c : batch.changes()) {
            ObjectNode o = changes.addObject();
            o.put("type", c.id().type());
            o.put("id", c.id().id());
            Wire.putOptional(o, "rev", c.rev());
            Wire.putOptional(o, "previous", c.previous());
            o.put("deleted", c.deleted());
        }
        return root;
    }

    public static ChangeBatch fromJson(JsonNode root) {
        List<Change> changes = new ArrayList<>();
        for (JsonNode c : root.path("changes"))
            changes.add(new Change(TransactionWire.documentId(c, ""),
                    Wire.optionalRevision(c, "rev", ""), Wire.optionalRevision(c, "previous", "")));
        return new ChangeBatch(Wire.text(root, "since", ""), Wire.text(root, "until", ""), changes);
    }
}
