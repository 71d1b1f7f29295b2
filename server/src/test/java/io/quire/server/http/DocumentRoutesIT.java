package io.quire.server.http;

import static io.quire.server.http.DatabaseRoutesIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentRoutesIT {
    static final String ANN = "/api/v1/db/contacts/docs/contact/ann";

    @TempDir
    Path dir;
    TestNode node;
    Api api;

    @BeforeEach
    void start() throws Exception {
        node = new TestNode(dir);
        api = node.api;
        assertEquals(201, api.put("/api/v1/db/contacts", Schemas.createBody()).status());
    }

    @AfterEach
    void stop() throws Exception {
        node.close();
    }

    String head() {
        return api.get("/api/v1/db/contacts/head").json().path("head").asText();
    }

    @Test
    void putThenGetReturnsTheDataWithItsRevisionAsETag() {
        Api.Response put = api.put(ANN, "{\"name\":\"Ann\",\"visits\":1}");
        assertEquals(200, put.status(), put.body());
        String rev = put.json().path("rev").asText();
        assertEquals("ann", put.json().path("id").asText());
        assertEquals('"' + rev + '"', put.header("ETag"));
        assertEquals(head(), put.json().path("commit").asText());

        Api.Response get = api.get(ANN);
        assertEquals(200, get.status());
        assertEquals("application/json", get.contentType());
        assertEquals('"' + rev + '"', get.header("ETag"));
        assertEquals("Ann", get.json().path("name").asText());
        assertEquals(1, get.json().path("visits").asInt());
    }

    @Test
    void getWithTheCurrentRevisionInIfNoneMatchIs304() {
        String etag = api.put(ANN, "{\"name\":\"Ann\"}").header("ETag");
        Api.Response r = api.get(ANN, "If-None-Match", etag);
        assertEquals(304, r.status());
        assertEquals(etag, r.header("ETag"));
        assertEquals(200, api.get(ANN, "If-None-Match", "\"" + "0".repeat(39) + "1\"").status());
    }

    @Test
    void aStaleIfMatchIs412AndWritesNothing() {
        String first = api.put(ANN, "{\"name\":\"Ann\"}").header("ETag");
        String second = api.put(ANN, "{\"name\":\"Ann B\"}").header("ETag");
        String before = head();
        Api.Response r = api.put(ANN, "{\"name\":\"Ann C\"}", "If-Match", first);
        assertProblem(r, 412, "Precondition Failed");
        assertEquals(second.replace("\"", ""), r.json().path("currentRevision").asText());
        assertEquals(before, head());
        assertEquals("Ann B", api.get(ANN).json().path("name").asText());
    }

    @Test
    void theCurrentIfMatchReplacesTheDocument() {
        String etag = api.put(ANN, "{\"name\":\"Ann\"}").header("ETag");
        Api.Response r = api.put(ANN, "{\"name\":\"Ann B\"}", "If-Match", etag);
        assertEquals(200, r.status(), r.body());
        assertNotEquals(etag, r.header("ETag"));
    }

    @Test
    void ifMatchAnyOnAnAbsentDocumentIs412() {
        assertProblem(api.put(ANN, "{\"name\":\"Ann\"}", "If-Match", "*"), 412, "Precondition Failed");
        assertEquals(404, api.get(ANN).status());
    }

    @Test
    void createOnlyAnswers201ThenRefusesTheSecondCreate() {
        assertEquals(201, api.put(ANN, "{\"name\":\"Ann\"}", "If-None-Match", "*").status());
        String before = head();
        assertProblem(api.put(ANN, "{\"name\":\"Other\"}", "If-None-Match", "*"), 412, "Precondition Failed");
        assertEquals(before, head());
    }

    @Test
    void deleteAnswers204ThenTheDocumentIsGone() {
        api.put(ANN, "{\"name\":\"Ann\"}");
        Api.Response r = api.delete(ANN);
        assertEquals(204, r.status());
        assertEquals("", r.body());
        Api.Response get = api.get(ANN);
        assertProblem(get, 404, "Not Found");
        assertEquals("document", get.json().path("missing").asText());
        assertProblem(api.delete(ANN), 404, "Not Found");
    }

    @Test
    void deleteWithAStaleIfMatchIs412() {
        String first = api.put(ANN, "{\"name\":\"Ann\"}").header("ETag");
        api.put(ANN, "{\"name\":\"Ann B\"}");
        assertProblem(api.delete(ANN, "If-Match", first), 412, "Precondition Failed");
        assertEquals(200, api.get(ANN).status());
    }

    @Test
    void listingPagesThroughEveryDocumentOnce() {
        for (int i = 0; i < 7; i++) api.put("/api/v1/db/contacts/docs/contact/c" + i, "{\"name\":\"C" + i + "\"}");
        Set<String> seen = new HashSet<>();
        String after = null;
        int pages = 0;
        do {
            Api.Response r = api.get("/api/v1/db/contacts/docs/contact?limit=3" + (after == null ? "" : "&after=" + after));
            assertEquals(200, r.status(), r.body());
            for (JsonNode d : r.json().path("documents")) {
                assertTrue(seen.add(d.path("id").asText()), "listed twice: " + d);
                assertEquals(40, d.path("rev").asText().length());
                assertTrue(d.path("data").path("name").asText().startsWith("C"));
            }
            after = r.json().path("next").isNull() ? null : r.json().path("next").asText();
            pages++;
        } while (after != null && pages < 10);
        assertEquals(7, seen.size());
    }

    @Test
    void listingWithABadLimitIs400() {
        assertProblem(api.get("/api/v1/db/contacts/docs/contact?limit=0"), 400, "Invalid Request");
        assertProblem(api.get("/api/v1/db/contacts/docs/contact?limit=1001"), 400, "Invalid Request");
        assertProblem(api.get("/api/v1/db/contacts/docs/contact?limit=ten"), 400, "Invalid Request");
        assertProblem(api.get("/api/v1/db/contacts/docs/contact?after=..%2Fx"), 400, "Invalid Request");
    }

    @Test
    void anUnknownTypeIs404() {
        assertProblem(api.get("/api/v1/db/contacts/docs/robot"), 404, "Not Found");
        String before = head();
        assertProblem(api.put("/api/v1/db/contacts/docs/robot/r2", "{\"name\":\"R2\"}"), 404, "Not Found");
        assertEquals(before, head());
    }

    @Test
    void aSchemaViolationIs422WithTheFailingPaths() {
        String before = head();
        Api.Response r = api.put(ANN, "{\"emails\":[1],\"visits\":\"many\"}");
        assertProblem(r, 422, "Schema Violation");
        Set<String> paths = new HashSet<>();
        r.json().path("violations").forEach(v -> paths.add(v.path("path").asText()));
        assertTrue(paths.containsAll(Set.of("/name", "/emails/0", "/visits")), paths.toString());
        assertEquals(before, head());
    }

    @Test
    void historyListsEveryVersionIncludingTheDelete() {
        String v1 = api.put(ANN, "{\"name\":\"Ann\"}").json().path("rev").asText();
        String v2 = api.put(ANN, "{\"name\":\"Ann B\"}").json().path("rev").asText();
        api.delete(ANN);
        Api.Response r = api.get(ANN + "/history?limit=10");
        assertEquals(200, r.status(), r.body());
        JsonNode versions = r.json().path("versions");
        assertEquals(3, versions.size(), r.body());
        Set<String> revs = new HashSet<>();
        versions.forEach(v -> revs.add(v.path("rev").asText("deleted")));
        assertEquals(Set.of(v1, v2, "deleted"), revs);
        versions.forEach(v -> assertEquals(40, v.path("commit").asText().length()));
    }

    @Test
    void aTransactionCommitsAllItsWritesInOneCommit() {
        api.put("/api/v1/db/contacts/docs/note/n1", "{\"text\":\"old\"}");
        Api.Response r = api.post("/api/v1/db/contacts/tx", """
                {"writes": [
                  {"op": "put", "type": "contact", "id": "ann", "data": {"name": "Ann"}},
                  {"op": "put", "type": "contact", "id": "bob", "data": {"name": "Bob"}, "ifMatch": null},
                  {"op": "delete", "type": "note", "id": "n1"}]}""");
        assertEquals(200, r.status(), r.body());
        assertEquals(head(), r.json().path("commit").asText());
        JsonNode results = r.json().path("results");
        assertEquals(3, results.size());
        assertEquals("bob", results.get(1).path("id").asText());
        assertEquals(40, results.get(0).path("rev").asText().length());
        assertTrue(results.get(2).path("rev").isNull());
        assertEquals(404, api.get("/api/v1/db/contacts/docs/note/n1").status());
    }

    @Test
    void aTransactionWithOneFailedPreconditionWritesNothing() {
        String before = head();
        Api.Response r = api.post("/api/v1/db/contacts/tx", """
                {"writes": [
                  {"op": "put", "type": "contact", "id": "ann", "data": {"name": "Ann"}},
                  {"op": "put", "type": "contact", "id": "bob", "data": {"name": "Bob"}, "ifMatch": "%s"}]}"""
                .formatted("1".repeat(40)));
        assertProblem(r, 412, "Precondition Failed");
        assertEquals(before, head());
        assertEquals(404, api.get(ANN).status());
    }

    @Test
    void aMalformedTransactionNamesTheFailingWrite() {
        Api.Response r = api.post("/api/v1/db/contacts/tx", """
                {"writes": [
                  {"op": "put", "type": "contact", "id": "ann", "data": {"name": "Ann"}},
                  {"op": "put", "type": "contact", "id": "../etc", "data": {}}]}""");
        assertProblem(r, 400, "Invalid Request");
        assertTrue(r.json().path("detail").asText().startsWith("writes[1]."), r.body());
        assertProblem(api.post("/api/v1/db/contacts/tx", "{\"writes\": []}"), 400, "Invalid Request");
        assertProblem(api.post("/api/v1/db/contacts/tx", "{\"writes\": [{\"op\": \"upsert\", \"type\": \"contact\", \"id\": \"x\"}]}"),
                400, "Invalid Request");
    }

    @Test
    void blobBytesAreServedByTheirId() {
        byte[] avatar = "\u0089PNG fake image bytes".getBytes(StandardCharsets.ISO_8859_1);
        Api.Response put = api.post("/api/v1/db/contacts/tx", """
                {"writes": [{"op": "put", "type": "contact", "id": "ann", "data": {"name": "Ann"},
                             "blobs": {"avatar": "%s"}}]}""".formatted(Base64.getEncoder().encodeToString(avatar)));
        assertEquals(200, put.status(), put.body());
        String blobId = api.get(ANN).json().path("avatar").path("$blob").asText();
        assertEquals(40, blobId.length());
        assertEquals(avatar.length, api.get(ANN).json().path("avatar").path("size").asInt());
        java.net.http.HttpResponse<byte[]> blob = api.bytes("/api/v1/db/contacts/blobs/" + blobId);
        assertEquals(200, blob.statusCode());
        assertEquals("application/octet-stream", blob.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(avatar, blob.body());
        Api.Response missing = api.get("/api/v1/db/contacts/blobs/" + "a".repeat(40));
        assertProblem(missing, 404, "Not Found");
        assertEquals("blob", missing.json().path("missing").asText());
        assertProblem(api.get("/api/v1/db/contacts/blobs/not-a-blob"), 400, "Invalid Request");
    }

    @Test
    void idsWithPunctuationRoundTripEncodedOrNot() {
        for (String id : new String[]{"x@y.org", "k=v,w:z", "a-b_c.d"}) {
            assertEquals(200, api.put("/api/v1/db/contacts/docs/contact/" + id, "{\"name\":\"" + id + "\"}").status(), id);
            assertEquals(id, api.get("/api/v1/db/contacts/docs/contact/" + id).json().path("name").asText());
        }
        assertEquals(200, api.put("/api/v1/db/contacts/docs/contact/a%2Bb%40c", "{\"name\":\"plus\"}").status());
        assertEquals("plus", api.get("/api/v1/db/contacts/docs/contact/a+b@c").json().path("name").asText());
    }

    @Test
    void aLargeBodySentWithExpectContinueIsStored() throws Exception {
        String notes = "n".repeat(40_000);
        var r = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + ANN))
                .header("Authorization", "Bearer " + TestNode.TOKEN).header("Content-Type", "application/json").expectContinue(true)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"Ann\",\"notes\":\"" + notes + "\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(notes.length(), api.get(ANN).json().path("notes").asText().length());
    }

    @Test
    void conflictsAreListed() {
        Api.Response r = api.get("/api/v1/db/contacts/conflicts?limit=5");
        assertEquals(200, r.status());
        assertTrue(r.json().path("conflicts").isArray());
        assertNull(r.header("ETag"));
        assertFalse(r.body().isEmpty());
    }
}
