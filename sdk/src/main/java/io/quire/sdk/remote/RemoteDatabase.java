package io.quire.sdk.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.schema.parse.SchemaException;
import io.quire.schema.parse.SchemaParser;
import io.quire.sdk.ChangeBatch;
import io.quire.sdk.ChangeListener;
import io.quire.sdk.CommitResult;
import io.quire.sdk.ConflictRecord;
import io.quire.sdk.Database;
import io.quire.sdk.DatabaseInfo;
import io.quire.sdk.Document;
import io.quire.sdk.DocumentId;
import io.quire.sdk.DocumentVersion;
import io.quire.sdk.Page;
import io.quire.sdk.QuireException;
import io.quire.sdk.Revision;
import io.quire.sdk.Transaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One database of a remote node, through its HTTP API; behaves like the embedded one. Limits are
 * clamped to what the API accepts, as the embedded store clamps them, rather than refused.
 */
public final class RemoteDatabase implements Database {
    private static final int MAX_PAGE = 1000;
    private static final int MAX_CHANGES = 10_000;

    private final ApiClient api;
    private final String name;

    RemoteDatabase(ApiClient api, String name) {
        this.api = api;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DatabaseInfo info() {
        return info(name, api.call("GET", ApiClient.path("db", name), null));
    }

    static DatabaseInfo info(String name, JsonNode o) {
        Map<String, Long> counts = new LinkedHashMap<>();
        o.path("documentCounts").properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        try {
            return new DatabaseInfo(name, o.path("replicaId").asText(""), o.path("head").asText(""),
                    SchemaParser.parse(Wire.MAPPER.writeValueAsString(o.path("schema"))), counts);
        } catch (SchemaException | java.io.IOException e) {
            throw new QuireException.InvalidRequest("the server sent a schema this SDK cannot read: " + e.getMessage());
        }
    }

    @Override
    public String head() {
        return api.call("GET", ApiClient.path("db", name, "head"), null).path("head").asText("");
    }

    @Override
    public Optional<Document> get(DocumentId id) {
        ApiClient.Response r = api.send("GET", ApiClient.path("db", name, "docs", id.type(), id.id()), null);
        if ("document".equals(r.missing())) return Optional.empty();
        if (!r.ok()) throw ApiClient.failure(r);
        String etag = r.headers().firstValue("ETag").orElseThrow(() ->
                new QuireException.Unavailable("the server sent a document without an ETag"));
        return Optional.of(new Document(id, new Revision(etag.replace("\"", "")), (ObjectNode) r.json()));
    }

    @Override
    public Optional<byte[]> blob(String blobId) {
        ApiClient.Response r = api.send("GET", ApiClient.path("db", name, "blobs", blobId), null);
        if ("blob".equals(r.missing())) return Optional.empty();
        if (!r.ok()) throw ApiClient.failure(r);
        return Optional.of(r.body());
    }

    @Override
    public Page list(String type, Optional<String> after, int limit) {
        String q = "?limit=" + clamp(limit, MAX_PAGE) + after.map(a -> "&after=" + ApiClient.encode(a)).orElse("");
        return RecordWire.pageFromJson(type, api.call("GET", ApiClient.path("db", name, "docs", type) + q, null));
    }

    @Override
    public CommitResult commit(Transaction tx) {
        return TransactionWire.commitResultFromJson(
                api.call("POST", ApiClient.path("db", name, "tx"), TransactionWire.toJson(tx)));
    }

    @Override
    public ChangeBatch changes(String since, int limit) {
        String q = "?since=" + ApiClient.encode(since == null ? "" : since) + "&limit=" + clamp(limit, MAX_CHANGES);
        return ChangeWire.fromJson(api.call("GET", ApiClient.path("db", name, "changes") + q, null));
    }

    /** Follows the server-sent event feed on a daemon thread, from the head as it is now. */
    @Override
    public AutoCloseable listen(ChangeListener listener) {
        SseFeed feed = new SseFeed(api, name, head(), listener);
        api.feeds.add(feed);
        feed.start();
        return () -> {
            api.feeds.remove(feed);
            feed.close();
        };
    }

    @Override
    public List<DocumentVersion> history(DocumentId id, int limit) {
        JsonNode root = api.call("GET", ApiClient.path("db", name, "docs", id.type(), id.id(), "history") + "?limit=" + clamp(limit, MAX_PAGE), null);
        List<DocumentVersion> out = new ArrayList<>();
        for (JsonNode v : root.path("versions")) out.add(RecordWire.versionFromJson(v));
        return out;
    }

    @Override
    public List<ConflictRecord> conflicts(int limit) {
        JsonNode root = api.call("GET", ApiClient.path("db", name, "conflicts") + "?limit=" + clamp(limit, MAX_PAGE), null);
        List<ConflictRecord> out = new ArrayList<>();
        for (JsonNode c : root.path("conflicts")) out.add(RecordWire.conflictFromJson(c));
        return out;
    }

    private static int clamp(int limit, int max) {
        return Math.max(1, Math.min(limit, max));
    }

    @Override
    public String toString() {
        return "RemoteDatabase[" + api.base() + "/" + name + "]";
    }
}
