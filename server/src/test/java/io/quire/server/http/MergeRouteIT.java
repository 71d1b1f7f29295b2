package io.quire.server.http;

import static io.quire.server.http.DatabaseRoutesIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.sdk.DocumentId;
import io.quire.sdk.remote.Wire;
import io.quire.server.store.GitDatabase;
import io.quire.server.store.GitDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/db/{db}/merge}: a copy of the database diverges, its main is fetched into the
 * node's repository as branch {@code b}, and the API merges it:
 *
 * <pre>
 *   base ── a1        (the node, through HTTP)
 *       \
 *        ── b1        (the copy, fetched as refs/heads/b)
 * </pre>
 */
class MergeRouteIT {
    static final String ANN = "/api/v1/db/contacts/docs/contact/ann";

    @TempDir
    Path dir;
    TestNode node;
    Api api;
    GitDatabases copy;

    @BeforeEach
    void diverge() throws Exception {
        node = new TestNode(dir.resolve("a"));
        api = node.api;
        api.put("/api/v1/db/contacts", Schemas.createBody());
        api.put(ANN, "{\"name\":\"Ann\",\"emails\":[\"ann@x\"],\"visits\":1}");
        copyTree(dir.resolve("a"), dir.resolve("b"));
        copy = new GitDatabases(dir.resolve("b"), "b");
        GitDatabase b = copy.get("contacts");
        b.put(DocumentId.of("contact", "ann"), (com.fasterxml.jackson.databind.node.ObjectNode)
                Wire.MAPPER.readTree("{\"name\":\"Ann (b)\",\"emails\":[\"ann@x\",\"b@b\"],\"visits\":11}"));
        api.put(ANN, "{\"name\":\"Ann (a)\",\"emails\":[\"ann@x\",\"a@a\"],\"visits\":3}");
        Git.wrap(node.store.get("contacts").repository()).fetch()
                .setRemote(new URIish(b.repository().getDirectory().toURI().toString()).toString())
                .setRefSpecs(new RefSpec("+refs/heads/main:refs/heads/b")).call();
    }

    @AfterEach
    void stop() throws Exception {
        copy.close();
        node.close();
    }

    @Test
    void mergingABranchAppliesTheSchemaPoliciesAndRecordsTheConflict() {
        Api.Response r = api.post("/api/v1/db/contacts/merge", "{\"branch\":\"b\"}");
        assertEquals(200, r.status(), r.body());
        assertEquals(api.get("/api/v1/db/contacts/head").json().path("head").asText(), r.json().path("commit").asText());
        JsonNode ann = api.get(ANN).json();
        assertEquals(13, ann.path("visits").asInt(), "counter: 1 + 2 + 10");
        assertEquals(3, ann.path("emails").size(), "set: both additions kept");
        JsonNode conflicts = api.get("/api/v1/db/contacts/conflicts").json().path("conflicts");
        assertFalse(conflicts.isEmpty(), "both sides changed the lww name");
        assertEquals("ann", conflicts.get(0).path("id").asText());
    }

    @Test
    void mergingAnUnknownBranchIs404AndAnInvalidNameIs400() {
        String before = api.get("/api/v1/db/contacts/head").json().path("head").asText();
        assertProblem(api.post("/api/v1/db/contacts/merge", "{\"branch\":\"nope\"}"), 404, "Not Found");
        assertProblem(api.post("/api/v1/db/contacts/merge", "{\"branch\":\"../main\"}"), 400, "Invalid Request");
        assertProblem(api.post("/api/v1/db/contacts/merge", "{}"), 400, "Invalid Request");
        assertEquals(before, api.get("/api/v1/db/contacts/head").json().path("head").asText());
    }

    private static void copyTree(Path src, Path dst) throws Exception {
        try (var s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
