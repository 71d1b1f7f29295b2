package io.quire.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.schema.Schema;
import io.quire.schema.parse.SchemaWriter;
import io.quire.sdk.Database;
import io.quire.sdk.DatabaseInfo;
import io.quire.sdk.QuireException;
import io.quire.sdk.remote.ProblemType;
import io.quire.sdk.remote.Wire;
import io.quire.server.http.error.ApiError;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/** {@code /api/v1/db}: list, create (with a schema), describe, head, and merge a branch. */
final class DatabaseRoutes {
    private static final Set<String> YAML_TYPES = Set.of("application/yaml", "application/x-yaml", "text/yaml");

    private final StoreCalls store;

    DatabaseRoutes(StoreCalls store) {
        this.store = store;
    }

    void mount(RouteTable r) {
        r.get("/api/v1/db", ctx -> store.reply(ctx, () -> {
            ObjectNode out = Wire.object();
            store.databases().list().forEach(out.putArray("databases")::add);
            return Reply.json(200, out);
        }));
        r.put("/api/v1/db/:db", this::create);
        r.get("/api/v1/db/:db", ctx -> {
            String name = Requests.database(ctx);
            store.reply(ctx, () -> Reply.json(200, info(store.database(name).info())));
        });
        r.get("/api/v1/db/:db/head", ctx -> {
            String name = Requests.database(ctx);
            store.reply(ctx, () -> Reply.json(200, Wire.object().put("head", store.database(name).head())));
        });
        r.post("/api/v1/db/:db/merge", this::merge);
    }

    /**
     * {@code PUT /api/v1/db/{db}} with {@code {"schema": {...}}}, {@code {"schemaText": "..."}} or a
     * YAML body: 201 when created, 200 when it exists with an equal schema (PUT is idempotent), 409
     * when it exists with another schema or {@code If-None-Match: *} was sent.
     */
    private void create(RoutingContext ctx) {
        String name = Requests.database(ctx);
        boolean createOnly = Requests.ifNoneMatchAny(ctx);
        store.reply(ctx, () -> {
            String text = schemaText(ctx);
            Schema schema = io.quire.server.store.MergeEngine.parseSchema(text);
            Optional<Database> existing = store.databases().open(name);
            if (existing.isPresent()) return existing(name, existing.get(), schema, createOnly);
            Database db;
            try {
                db = store.databases().create(name, text);
            } catch (QuireException.AlreadyExists raced) {
                return existing(name, store.database(name), schema, createOnly);
            }
            return Reply.json(201, info(db.info())).header("Location", "/api/v1/db/" + name);
        });
    }

    private static Reply existing(String name, Database db, Schema wanted, boolean createOnly)
            throws com.fasterxml.jackson.core.JsonProcessingException {
        if (createOnly) throw new QuireException.AlreadyExists("database '" + name + "' already exists");
        DatabaseInfo info = db.info();
        if (info.schema().equals(wanted)) return Reply.json(200, info(info));
        if (db instanceof io.quire.server.store.GitDatabase git && wanted.name().equals(info.schema().name())
                && wanted.version() > info.schema().version()) {
            git.updateSchema(io.quire.schema.parse.SchemaWriter.toJson(wanted));
            return Reply.json(200, info(git.info()));
        }
        throw new QuireException.AlreadyExists("database '" + name + "' already exists with another schema ("
                + info.schema().name() + " version " + info.schema().version() + ")");
    }

    private static String schemaText(RoutingContext ctx) throws com.fasterxml.jackson.core.JsonProcessingException {
        if (YAML_TYPES.contains(Requests.mediaType(ctx))) {
            var body = ctx.body().buffer();
            if (body == null || body.length() == 0) throw ApiError.badRequest("a schema is required");
            return body.toString(StandardCharsets.UTF_8);
        }
        JsonNode body = Requests.json(ctx);
        JsonNode schema = body.get("schema");
        JsonNode text = body.get("schemaText");
        if (!body.isObject() || (schema == null) == (text == null))
            throw ApiError.badRequest("expected {\"schema\": {...}} or {\"schemaText\": \"...\"}");
        if (schema != null) {
            if (!schema.isObject()) throw ApiError.badRequest("schema: expected a JSON object");
            return Wire.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(schema);
        }
        if (!text.isTextual()) throw ApiError.badRequest("schemaText: expected a string of YAML or JSON");
        return text.asText();
    }

    /** {@code POST /api/v1/db/{db}/merge} with {@code {"branch":"name"}}: merges that branch into main. */
    private void merge(RoutingContext ctx) {
        String name = Requests.database(ctx);
        store.reply(ctx, () -> {
            JsonNode body = Requests.json(ctx);
            String branch = Wire.text(body, "branch", "");
            if (!org.eclipse.jgit.lib.Repository.isValidRefName("refs/heads/" + branch) || branch.startsWith("-"))
                throw ApiError.badRequest("branch: not a valid branch name");
            Database db = store.database(name);
            BranchMerger merger = StoreFeatures.merger(db).orElseThrow(() ->
                    ApiError.of(ProblemType.NOT_FOUND, "this store cannot merge branches"));
            return Reply.json(200, Wire.object().put("commit", merger.mergeBranch(branch)));
        });
    }

    static ObjectNode info(DatabaseInfo info) throws com.fasterxml.jackson.core.JsonProcessingException {
        ObjectNode o = Wire.object();
        o.put("name", info.name());
        o.put("replicaId", info.replicaId());
        o.put("head", info.head());
        o.set("schema", Wire.MAPPER.readTree(SchemaWriter.toJson(info.schema())));
        ObjectNode counts = o.putObject("documentCounts");
        info.documentCounts().forEach(counts::put);
        return o;
    }
}
