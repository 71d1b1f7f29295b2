package io.quire.server.http;

import static io.quire.server.http.DatabaseRoutesIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is a 4xx problem document and writes nothing; it is never a 500. */
class ErrorResponsesIT {
    static final String DOCS = "/api/v1/db/contacts/docs/contact/";

    @TempDir
    Path dir;
    TestNode node;
    Api api;
    String initialHead;

    @BeforeEach
    void start() throws Exception {
        node = new TestNode(dir);
        api = node.api;
        initialHead = api.put("/api/v1/db/contacts", Schemas.createBody()).json().path("head").asText();
    }

    @AfterEach
    void stop() throws Exception {
        node.close();
    }

    void assertNothingWritten() {
        assertEquals(initialHead, api.get("/api/v1/db/contacts/head").json().path("head").asText());
    }

    @Test
    void malformedJsonIs400WithJacksonsLocation() {
        Api.Response r = api.put(DOCS + "ann", "{\n  \"name\": \"Ann\",\n  oops\n}");
        assertProblem(r, 400, "Malformed JSON");
        assertEquals(3, r.json().path("line").asInt(), r.body());
        assertTrue(r.json().path("detail").asText().contains("line 3"), r.body());
        assertNothingWritten();
    }

    @Test
    void duplicateKeysAndTrailingGarbageAreMalformed() {
        assertProblem(api.put(DOCS + "ann", "{\"name\":\"A\",\"name\":\"B\"}"), 400, "Malformed JSON");
        assertProblem(api.put(DOCS + "ann", "{\"name\":\"A\"} {}"), 400, "Malformed JSON");
        assertNothingWritten();
    }

    @Test
    void aDocumentThatIsNotAnObjectIs400() {
        assertProblem(api.put(DOCS + "ann", "[1,2]"), 400, "Invalid Request");
        assertProblem(api.put(DOCS + "ann", "\"Ann\""), 400, "Invalid Request");
        assertNothingWritten();
    }

    @Test
    void aNonJsonContentTypeIs415() {
        assertProblem(api.put(DOCS + "ann", "{\"name\":\"Ann\"}", "Content-Type", "text/plain"), 415, "Unsupported Media Type");
        assertProblem(api.put(DOCS + "ann", "{\"name\":\"Ann\"}", "Content-Type", ""), 415, "Unsupported Media Type");
        assertNothingWritten();
    }

    @Test
    void jsonSuffixMediaTypesAndCharsetParametersAreAccepted() {
        assertEquals(200, api.put(DOCS + "ann", "{\"name\":\"Ann\"}", "Content-Type", "application/vnd.quire+json").status());
        assertEquals(200, api.put(DOCS + "bob", "{\"name\":\"Bob\"}", "Content-Type", "application/json; charset=utf-8").status());
    }

    @Test
    void anEmptyBodyIs400() {
        assertProblem(api.put(DOCS + "ann", ""), 400, "Invalid Request");
        assertNothingWritten();
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String big = "{\"name\":\"" + "x".repeat((int) TestNode.MAX_BODY) + "\"}";
        assertProblem(api.put(DOCS + "ann", big), 413, "Payload Too Large");
        assertNothingWritten();
    }

    @Test
    void invalidDocumentIdsAre400AndWriteNothing() throws Exception {
        for (String id : new String[]{"%2e%2e", "a%2Fb", "%2E", "a%00b", "a%0Ab", ".hidden", "x".repeat(201), "a~b", "%C3%A9"}) {
            Api.Response r = api.put(DOCS + id, "{\"name\":\"Ann\"}");
            assertProblem(r, 400, "Invalid Request");
        }
        assertProblem(api.put("/api/v1/db/contacts/docs/Contact/ann", "{\"name\":\"Ann\"}"), 400, "Invalid Request");
        assertEquals(400, api.rawStatus("PUT", DOCS + ".."));
        assertEquals(400, api.rawStatus("PUT", DOCS + "x/../../../../db/other"));
        assertEquals(400, api.rawStatus("PUT", "/api/v1/db/contacts/docs/contact/%2e%2e/%2e%2e"));
        assertNothingWritten();
        assertEquals("[\"contacts\"]", api.get("/api/v1/db").json().path("databases").toString());
    }

    @Test
    void aWrongMethodIs405() {
        assertProblem(api.send("PATCH", DOCS + "ann", "{}"), 405, "Method Not Allowed");
        assertProblem(api.delete("/api/v1/db/contacts"), 405, "Method Not Allowed");
        Api.Response r = api.post("/api/v1/health", "{}");
        assertProblem(r, 405, "Method Not Allowed");
        assertEquals("GET", r.header("Allow"));
        assertEquals("DELETE, GET, PUT", api.send("PATCH", DOCS + "ann", "{}").header("Allow"));
        assertNothingWritten();
    }

    @Test
    void anUnknownPathIs404() {
        assertProblem(api.get("/api/v1/nothing-here"), 404, "Not Found");
        assertProblem(api.get("/elsewhere"), 404, "Not Found");
    }

    @Test
    void badConditionalHeadersAre400() {
        assertProblem(api.put(DOCS + "ann", "{\"name\":\"Ann\"}", "If-Match", "W/\"abc\""), 400, "Invalid Request");
        assertProblem(api.put(DOCS + "ann", "{\"name\":\"Ann\"}", "If-None-Match", "\"" + "a".repeat(40) + "\""), 400, "Invalid Request");
        assertProblem(api.put(DOCS + "ann", "{\"name\":\"Ann\"}", "If-None-Match", "*", "If-Match", "*"), 400, "Invalid Request");
        assertNothingWritten();
    }

    @Test
    void badChangeFeedParametersAre400() {
        assertProblem(api.get("/api/v1/db/contacts/changes?since=HEAD"), 400, "Invalid Request");
        assertProblem(api.get("/api/v1/db/contacts/changes?feed=websocket"), 400, "Invalid Request");
        assertProblem(api.get("/api/v1/db/contacts/changes?feed=longpoll&timeout=-1"), 400, "Invalid Request");
        assertProblem(api.get("/api/v1/db/contacts/changes?since=" + "ab".repeat(20)), 404, "Not Found");
    }

    @Test
    void anUnexpectedFailureIs500WithAnErrorIdAndNoInternals() throws Exception {
        node.close();
        node = new TestNode(dir.resolve("other"), new FailingDatabases());
        Api.Response r = node.api.get("/api/v1/db/contacts");
        assertProblem(r, 500, "Internal Server Error");
        assertFalse(r.body().contains("secret internal detail"), r.body());
        assertFalse(r.body().contains("at io.quire"), r.body());
        assertEquals(8, r.json().path("errorId").asText().length());
        assertTrue(r.json().path("detail").asText().contains(r.json().path("errorId").asText()));
    }

    /** A store whose every lookup fails with an unexpected exception. */
    static final class FailingDatabases implements io.quire.sdk.Databases {
        @Override
        public io.quire.sdk.Database create(String name, String schemaText) {
            throw new IllegalStateException("secret internal detail");
        }

        @Override
        public java.util.Optional<io.quire.sdk.Database> open(String name) {
            throw new IllegalStateException("secret internal detail");
        }

        @Override
        public java.util.List<String> list() {
            throw new IllegalStateException("secret internal detail");
        }

        @Override
        public void close() {
        }
    }
}
