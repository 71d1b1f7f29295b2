package io.quire.sdk.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.sdk.ConflictRecord;
import io.quire.sdk.Document;
import io.quire.sdk.DocumentId;
import io.quire.sdk.DocumentVersion;
import io.quire.sdk.Page;
import io.quire.sdk.QuireException;
import io.quire.sdk.Revision;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** JSON forms of pages, document versions and conflict records. */
public final class RecordWire {
    private RecordWire() {
    }

    /** {@code {"documents":[{"id","rev","data"}],"next":"id or null"}}; the type is the URL's. */
    public static ObjectNode toJson(Page page) {
        ObjectNode root = Wire.object();
        ArrayNode docs = root.putArray("documents");
        for (Document d : page.documents()) {
            ObjectNode o = docs.addObject();
            o.put("id", d.id().id());
            o.put("rev", d.rev().value());
            o.set("data", d.data());
        }
        Wire.putOptional(root, "next", page.next());
        return root;
    }

    public static Page pageFromJson(String type, JsonNode root) {
        List<Document> docs = new ArrayList<>();
        for (JsonNode o : root.path("documents"))
            docs.add(new Document(new DocumentId(type, Wire.text(o, "id", "")),
                    new Revision(Wire.text(o, "rev", "")), (ObjectNode) o.get("data")));
        return new Page(docs, Wire.optionalText(root, "next", ""));
    }

    /** {@code {"commit","time":"ISO-8601","rev","data","deleted"}}. */
    public static ObjectNode toJson(DocumentVersion v) {
        ObjectNode o = Wire.object();
        o.put("commit", v.commit());
        o.put("time", v.time().toString());
        Wire.putOptional(o, "rev", v.rev());
        Wire.putOptional(o, "data", v.data());
        o.put("deleted", v.rev().isEmpty());
        return o;
    }

    public static DocumentVersion versionFromJson(JsonNode o) {
        Instant time;
        try {
            time = Instant.parse(Wire.text(o, "time", ""));
        } catch (DateTimeParseException e) {
            throw new QuireException.InvalidRequest("time: expected an ISO-8601 instant");
        }
        JsonNode data = o.get("data");
        return new DocumentVersion(Wire.text(o, "commit", ""), time, Wire.optionalRevision(o, "rev", ""),
                data == null || !data.isObject() ? Optional.empty() : Optional.of((ObjectNode) data));
    }

    public static ObjectNode toJson(ConflictRecord c) {
        ObjectNode o = Wire.object();
        o.put("key", c.key());
        o.put("type", c.document().type());
        o.put("id", c.document().id());
        o.put("field", c.field());
        Wire.putOptional(o, "ancestor", c.ancestor());
        o.set("ours", c.ours());
        o.set("theirs", c.theirs());
        o.set("winner", c.winner());
        o.put("reason", c.reason());
        o.put("oursReplica", c.oursReplica());
        o.put("theirsReplica", c.theirsReplica());
        o.put("oursCommit", c.oursCommit());
        o.put("theirsCommit", c.theirsCommit());
        o.put("at", c.at());
        return o;
    }

    public static ConflictRecord conflictFromJson(JsonNode o) {
        JsonNode ancestor = o.get("ancestor");
        return new ConflictRecord(Wire.text(o, "key", ""), TransactionWire.documentId(o, ""), Wire.text(o, "field", ""),
                ancestor == null || ancestor.isNull() ? Optional.empty() : Optional.of(ancestor),
                o.path("ours"), o.path("theirs"), o.path("winner"), o.path("reason").asText(""),
                o.path("oursReplica").asText(""), o.path("theirsReplica").asText(""),
                o.path("oursCommit").asText(""), o.path("theirsCommit").asText(""),
                o.path("at").asText(""));
    }
}
