package io.quire.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.sdk.CommitResult;
import io.quire.sdk.Database;
import io.quire.sdk.Document;
import io.quire.sdk.DocumentId;
import io.quire.sdk.DocumentVersion;
import io.quire.sdk.QuireException;
import io.quire.sdk.Revision;
import io.quire.sdk.Transaction;
import io.quire.sdk.remote.RecordWire;
import io.quire.sdk.remote.TransactionWire;
import io.quire.sdk.remote.Wire;
import io.quire.server.http.error.ApiError;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Documents: read, write, delete, list, history, transactions, and blob bytes. */
final class DocumentRoutes {
    static final String DOC = "/api/v1/db/:db/docs/:type/:id";
    private static final int MAX_PAGE = 1000;

    private final StoreCalls store;

    DocumentRoutes(StoreCalls store) {
        this.store = store;
    }

    void mount(RouteTable r) {
        r.get(DOC, this::get);
        r.put(DOC, this::put);
        r.delete(DOC, this::delete);
        r.get("/api/v1/db/:db/docs/:type", this::list);
        r.get(DOC + "/history", this::history);
        r.post("/api/v1/db/:db/tx", this::transaction);
        r.get("/api/v1/db/:db/blobs/:blob", this::blob);
        r.get("/api/v1/db/:db/conflicts", ctx -> {
            String name = Requests.database(ctx);
            int limit = Requests.limit(ctx, 100, MAX_PAGE);
            store.reply(ctx, () -> {
                ObjectNode out = Wire.object();
                var list = out.putArray("conflicts");
                store.database(name).conflicts(limit).forEach(c -> list.add(RecordWire.toJson(c)));
                return Reply.json(200, out);
            });
        });
    }

    /** The document's data with its revision as ETag; 304 when {@code If-None-Match} names that revision. */
    private void get(RoutingContext ctx) {
        String name = Requests.database(ctx);
        DocumentId id = Requests.documentId(ctx);
        String ifNoneMatch = ctx.request().getHeader("If-None-Match");
        store.reply(ctx, () -> {
            Document doc = store.database(name).get(id).orElseThrow(() -> missing(name, id));
            String etag = doc.rev().etag();
            if (ifNoneMatch != null && matches(ifNoneMatch, etag)) return Reply.empty(304).header("ETag", etag);
            return Reply.json(200, doc.data()).header("ETag", etag);
        });
    }

    /** Create or replace; {@code If-Match} for optimistic concurrency, {@code If-None-Match: *} to create only. */
    private void put(RoutingContext ctx) {
        String name = Requests.database(ctx);
        DocumentId id = Requests.documentId(ctx);
        Optional<String> ifMatch = Requests.ifMatch(ctx);
        boolean createOnly = Requests.ifNoneMatchAny(ctx);
        if (createOnly && ifMatch.isPresent()) throw ApiError.badRequest("send If-Match or If-None-Match, not both");
        store.reply(ctx, () -> {
            JsonNode body = Requests.json(ctx);
            if (!body.isObject()) throw ApiError.badRequest("a document must be a JSON object");
            Database db = store.database(name);
            Optional<Revision> pre = createOnly ? Optional.of(new Revision(Transaction.ABSENT)) : precondition(db, id, ifMatch);
            CommitResult result = db.commit(Transaction.builder().put(id, (ObjectNode) body, Map.of(), pre).build());
            Revision rev = result.written().get(0).rev().orElseThrow();
            ObjectNode out = Wire.object().put("type", id.type()).put("id", id.id()).put("rev", rev.value())
                    .put("commit", result.commit());
            return Reply.json(createOnly ? 201 : 200, out).header("ETag", rev.etag());
        });
    }

    private void delete(RoutingContext ctx) {
        String name = Requests.database(ctx);
        DocumentId id = Requests.documentId(ctx);
        Optional<String> ifMatch = Requests.ifMatch(ctx);
        store.reply(ctx, () -> {
            Database db = store.database(name);
            // a missing document is the store's NotFound (404)
            db.commit(Transaction.builder().add(new Transaction.Delete(id, precondition(db, id, ifMatch))).build());
            return Reply.empty(204);
        });
    }

    /**
     * {@code If-Match: *} means "whatever revision exists now" (RFC 9110 §13.1.1): resolved here to
     * that revision, so the store still refuses the write if the document changes meanwhile.
     */
    private static Optional<Revision> precondition(Database db, DocumentId id, Optional<String> ifMatch) {
        if (ifMatch.isEmpty()) return Optional.empty();
        if (!ifMatch.get().equals("*")) return Optional.of(new Revision(ifMatch.get()));
        Document current = db.get(id).orElseThrow(() ->
                new QuireException.PreconditionFailed("If-Match: * but document " + id + " does not exist", null));
        return Optional.of(current.rev());
    }

    private void list(RoutingContext ctx) {
        String name = Requests.database(ctx);
        String type = Requests.type(ctx);
        int limit = Requests.limit(ctx, 100, MAX_PAGE);
        String after = ctx.queryParams().get("after");
        if (after != null && !after.isEmpty() && !DocumentId.ID.matcher(after).matches())
            throw ApiError.badRequest("after: expected the 'next' value of a previous page");
        store.reply(ctx, () -> {
            return Reply.json(200, RecordWire.toJson(store.database(name).list(type, Optional.ofNullable(after).filter(a -> !a.isEmpty()), limit)));
        });
    }

    private void history(RoutingContext ctx) {
        String name = Requests.database(ctx);
        DocumentId id = Requests.documentId(ctx);
        int limit = Requests.limit(ctx, 100, MAX_PAGE);
        store.reply(ctx, () -> {
            List<DocumentVersion> versions = store.database(name).history(id, limit);
            ObjectNode out = Wire.object();
            var list = out.putArray("versions");
            versions.forEach(v -> list.add(RecordWire.toJson(v)));
            return Reply.json(200, out);
        });
    }

    private void transaction(RoutingContext ctx) {
        String name = Requests.database(ctx);
        store.reply(ctx, () -> {
            Transaction tx = TransactionWire.fromJson(Requests.json(ctx));
            return Reply.json(200, TransactionWire.toJson(store.database(name).commit(tx)));
        });
    }

    private void blob(RoutingContext ctx) {
        String name = Requests.database(ctx);
        String blobId = ctx.pathParam("blob");
        if (!Requests.COMMIT.matcher(blobId).matches()) throw ApiError.badRequest("invalid blob id: expected 40 hex digits");
        store.reply(ctx, () -> {
            byte[] bytes = store.database(name).blob(blobId).orElseThrow(() ->
                    ApiError.missing("blob", "no blob " + blobId + " in database '" + name + "'"));
            // content-addressed: the bytes under this id never change
            return Reply.bytes(200, "application/octet-stream", bytes).header("ETag", '"' + blobId + '"')
                    .header("Cache-Control", "private, max-age=31536000, immutable");
        });
    }

    private static ApiError missing(String db, DocumentId id) {
        return ApiError.missing("document", "no document " + id + " in database '" + db + "'");
    }

    /** RFC 9110 §13.1.2: {@code *} or a list of entity tags; weak comparison. */
    private static boolean matches(String ifNoneMatch, String etag) {
        for (String t : ifNoneMatch.split(",")) {
            String s = t.strip();
            if (s.equals("*") || s.equals(etag) || s.equals("W/" + etag)) return true;
        }
        return false;
    }
}
