package io.quire.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.document.DocumentCodec;
import io.quire.sdk.ConflictRecord;
import io.quire.sdk.DocumentId;
import io.quire.sdk.QuireException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Conflict records, kept in the database itself ({@code .quire/conflicts/TYPE/ID.json}) so they
 * replicate with the data and every replica shows the same ones. Bounded: a document keeps its
 * {@value #MAX_PER_DOCUMENT} newest records, so conflicts never grow without bound.
 */
public final class ConflictLog {
    public static final int MAX_PER_DOCUMENT = 20;

    private ConflictLog() {
    }

    static List<ConflictRecord> list(Repository repo, PersistentTree root, int limit) {
        List<ConflictRecord> out = new ArrayList<>();
        PersistentTree dir = root.dir(StoreLayout.META_DIR + "/" + StoreLayout.CONFLICTS_DIR);
        if (dir == null) return out;
        for (String type : dir.names()) {
            PersistentTree t = dir.dir(type);
            if (t == null) continue;
            t.forEachBlob(null, (entry, blob) -> {
                if (out.size() >= limit) return;
                for (JsonNode r : read(repo, blob)) {
                    if (out.size() >= limit) break;
                    out.add(toRecord(r));
                }
            });
            if (out.size() >= limit) break;
        }
        return out;
    }

    static ArrayNode read(Repository repo, ObjectId blob) {
        if (blob == null) return DocumentCodec.MAPPER.createArrayNode();
        try {
            JsonNode n = DocumentCodec.MAPPER.readTree(repo.open(blob, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE));
            return n instanceof ArrayNode a ? a : DocumentCodec.MAPPER.createArrayNode();
        } catch (IOException e) {
            throw new QuireException.Unavailable("cannot read conflict records: " + e.getMessage());
        }
    }

    /**
     * The union of two record lists, deduplicated by key, in a canonical order, bounded: the same
     * inputs in either order give the same bytes (merges must be symmetric).
     */
    public static ArrayNode union(ArrayNode a, ArrayNode b) {
        TreeMap<String, JsonNode> byKey = new TreeMap<>();
        for (JsonNode r : a) byKey.put(r.path("key").asText(), r);
        for (JsonNode r : b) byKey.put(r.path("key").asText(), r);
        List<JsonNode> sorted = new ArrayList<>(byKey.values());
        sorted.sort(Comparator.comparing((JsonNode r) -> r.path("at").asText()).reversed()
                .thenComparing(r -> r.path("key").asText()));
        ArrayNode out = DocumentCodec.MAPPER.createArrayNode();
        for (int i = 0; i < sorted.size() && i < MAX_PER_DOCUMENT; i++) out.add(sorted.get(i));
        return out;
    }

    /** Builds a stored record; its key is the hash of its content, so replays deduplicate. */
    public static ObjectNode record(DocumentId doc, String field, Optional<JsonNode> ancestor, JsonNode ours, JsonNode theirs,
                                    JsonNode winner, String reason, String oursReplica, String theirsReplica,
                                    String oursCommit, String theirsCommit, String at) {
        ObjectNode r = DocumentCodec.MAPPER.createObjectNode();
        r.put("type", doc.type());
        r.put("id", doc.id());
        r.put("field", field);
        r.set("ancestor", ancestor.orElse(NullNode.getInstance()));
        r.put("hasAncestor", ancestor.isPresent());
        r.set("ours", ours);
        r.set("theirs", theirs);
        r.set("winner", winner);
        r.put("reason", reason);
        r.put("oursReplica", oursReplica);
        r.put("theirsReplica", theirsReplica);
        r.put("oursCommit", oursCommit);
        r.put("theirsCommit", theirsCommit);
        r.put("at", at);
        r.put("key", ObjectId.fromRaw(Constants.newMessageDigest().digest(DocumentCodec.canonical(r))).name());
        return r;
    }

    static ConflictRecord toRecord(JsonNode r) {
        return new ConflictRecord(r.path("key").asText(), new DocumentId(r.path("type").asText(), r.path("id").asText()),
                r.path("field").asText(), r.path("hasAncestor").asBoolean() ? Optional.of(r.path("ancestor")) : Optional.empty(),
                r.path("ours"), r.path("theirs"), r.path("winner"), r.path("reason").asText(),
                r.path("oursReplica").asText(), r.path("theirsReplica").asText(),
                r.path("oursCommit").asText(), r.path("theirsCommit").asText(), r.path("at").asText());
    }
}
