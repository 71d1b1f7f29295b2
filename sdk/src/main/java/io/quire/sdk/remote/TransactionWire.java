package io.quire.sdk.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.sdk.CommitResult;
import io.quire.sdk.DocumentId;
import io.quire.sdk.QuireException;
import io.quire.sdk.Revision;
import io.quire.sdk.Transaction;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON form of {@code POST /api/v1/db/{db}/tx}:
 * <pre>
 * {"message": "...",
 *  "writes": [{"op":"put","type":"t","id":"x","data":{...},"ifMatch":"rev","blobs":{"field":"base64"}},
 *             {"op":"delete","type":"t","id":"y","ifMatch":"rev"}]}
 * → {"commit":"c", "results":[{"type":"t","id":"x","rev":"r"}, {"type":"t","id":"y","rev":null}]}
 * </pre>
 */
public final class TransactionWire {
    private TransactionWire() {
    }

    public static ObjectNode toJson(Transaction tx) {
        ObjectNode root = Wire.object();
        if (!tx.message().isEmpty()) root.put("message", tx.message());
        ArrayNode writes = root.putArray("writes");
        for (Transaction.Op op : tx.ops()) {
            ObjectNode w = writes.addObject();
            w.put("op", op instanceof Transaction.Put ? "put" : "delete");
            w.put("type", op.id().type());
            w.put("id", op.id().id());
            op.ifMatch().ifPresent(r -> w.put("ifMatch", r.value()));
            if (op instanceof Transaction.Put put) {
                w.set("data", put.data());
                if (!put.blobs().isEmpty()) {
                    ObjectNode blobs = w.putObject("blobs");
                    put.blobs().forEach((field, bytes) -> blobs.put(field, Base64.getEncoder().encodeToString(bytes)));
                }
            }
        }
        return root;
    }

    /** Reads a transaction; every error names the failing write, e.g. {@code writes[2].id: ...}. */
    public static Transaction fromJson(JsonNode root) {
        if (!root.isObject()) throw new QuireException.InvalidRequest("expected a JSON object with \"writes\"");
        JsonNode writes = root.get("writes");
        if (writes == null || !writes.isArray() || writes.isEmpty())
            throw new QuireException.InvalidRequest("writes: expected a non-empty array of writes");
        Transaction.Builder b = Transaction.builder();
        b.message(Wire.optionalText(root, "message", "").orElse(""));
        for (int i = 0; i < writes.size(); i++) b.add(op(writes.get(i), "writes[" + i + "]."));
        return b.build();
    }

    private static Transaction.Op op(JsonNode w, String where) {
        if (!w.isObject()) throw new QuireException.InvalidRequest(where.substring(0, where.length() - 1) + ": expected an object");
        String kind = Wire.text(w, "op", where);
        DocumentId id = documentId(w, where);
        Optional<Revision> ifMatch = Wire.optionalRevision(w, "ifMatch", where);
        return switch (kind) {
            case "put" -> {
                JsonNode data = w.get("data");
                if (data == null || !data.isObject())
                    throw new QuireException.InvalidRequest(where + "data: expected a JSON object");
                yield new Transaction.Put(id, (ObjectNode) data, blobs(w, where), ifMatch);
            }
            case "delete" -> {
                if (w.has("data")) throw new QuireException.InvalidRequest(where + "data: not allowed on a delete");
                yield new Transaction.Delete(id, ifMatch);
            }
            default -> throw new QuireException.InvalidRequest(where + "op: expected \"put\" or \"delete\"");
        };
    }

    static DocumentId documentId(JsonNode w, String where) {
        String type = Wire.text(w, "type", where);
        String id = Wire.text(w, "id", where);
        String problem = DocumentId.problem(type, id);
        if (problem != null) throw new QuireException.InvalidRequest(where.isEmpty() ? problem : where + "id: " + problem);
        return new DocumentId(type, id);
    }

    private static Map<String, byte[]> blobs(JsonNode w, String where) {
        JsonNode blobs = w.get("blobs");
        if (blobs == null || blobs.isNull()) return Map.of();
        if (!blobs.isObject()) throw new QuireException.InvalidRequest(where + "blobs: expected an object of base64 strings");
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : blobs.properties()) {
            try {
                if (!e.getValue().isTextual()) throw new IllegalArgumentException("not a string");
                out.put(e.getKey(), Base64.getDecoder().decode(e.getValue().asText()));
            } catch (IllegalArgumentException ex) {
                throw new QuireException.InvalidRequest(where + "blobs." + e.getKey() + ": expected base64");
            }
        }
        return out;
    }

    public static ObjectNode toJson(CommitResult result) {
        ObjectNode root = Wire.object();
        root.put("commit", result.commit());
        ArrayNode results = root.putArray("results");
        for (CommitResult.Written w : result.written()) {
            ObjectNode r = results.addObject();
            r.put("type", w.id().type());
            r.put("id", w.id().id());
            Wire.putOptional(r, "rev", w.rev());
        }
        return root;
    }

    public static CommitResult commitResultFromJson(JsonNode root) {
        List<CommitResult.Written> written = new ArrayList<>();
        for (JsonNode r : root.path("results"))
            written.add(new CommitResult.Written(documentId(r, ""), Wire.optionalRevision(r, "rev", "")));
        return new CommitResult(Wire.text(root, "commit", ""), written);
    }
}
