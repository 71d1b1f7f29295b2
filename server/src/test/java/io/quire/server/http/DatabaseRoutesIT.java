package io.quire.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseRoutesIT {
    @TempDir
    Path dir;
    TestNode node;
    Api api;

    @BeforeEach
    void start() throws Exception {
        node = new TestNode(dir);
        api = node.api;
    }

    @AfterEach
    void stop() throws Exception {
        node.close();
    }

    @Test
    void healthNeedsNoTokenAndNamesTheNode() {
        Api.Response r = api.get("/api/v1/health", "Authorization", "");
        assertEquals(200, r.status());
        assertEquals("application/json", r.contentType());
        assertEquals("ok", r.json().path("status").asText());
        assertEquals("test", r.json().path("node").asText());
    }

    @Test
    void creatingADatabaseAnswers201WithItsInfo() {
        Api.Response r = api.put("/api/v1/db/contacts", Schemas.createBody());
        assertEquals(201, r.status(), r.body());
        JsonNode info = r.json();
        assertEquals("contacts", info.path("name").asText());
        assertEquals(40, info.path("head").asText().length());
        assertFalse(info.path("replicaId").asText().isEmpty());
        assertEquals("contacts", info.path("schema").path("name").asText());
        assertEquals(0, info.path("documentCounts").path("contact").asLong());
        assertEquals("/api/v1/db/contacts", r.header("Location"));
    }

    @Test
    void creatingAgainWithTheSameSchemaIsIdempotent() {
        assertEquals(201, api.put("/api/v1/db/contacts", Schemas.createBody()).status());
        Api.Response again = api.put("/api/v1/db/contacts", "{\"schemaText\": " + quote(Schemas.CONTACTS_YAML) + "}");
        assertEquals(200, again.status(), again.body());
    }

    @Test
    void creatingAgainWithAnotherSchemaOfTheSameVersionIsAConflict() {
        assertEquals(201, api.put("/api/v1/db/contacts", Schemas.createBody()).status());
        Api.Response r = api.put("/api/v1/db/contacts", "{\"schemaText\": " + quote(Schemas.CONTACTS_YAML.replace("name: contacts", "name: other")) + "}");
        assertProblem(r, 409, "Already Exists");
    }

    @Test
    void aHigherSchemaVersionUpdatesTheSchema() {
        assertEquals(201, api.put("/api/v1/db/contacts", Schemas.createBody()).status());
        Api.Response r = api.put("/api/v1/db/contacts", "{\"schemaText\": " + quote(Schemas.CONTACTS_YAML.replace("version: 1", "version: 2")) + "}");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.body().contains("\"version\":2"), r.body());
    }

    @Test
    void createOnlyRefusesAnExistingDatabase() {
        assertEquals(201, api.put("/api/v1/db/contacts", Schemas.createBody()).status());
        assertProblem(api.put("/api/v1/db/contacts", Schemas.createBody(), "If-None-Match", "*"), 409, "Already Exists");
    }

    @Test
    void aYamlBodyCreatesADatabase() {
        Api.Response r = api.put("/api/v1/db/contacts", Schemas.CONTACTS_YAML, "Content-Type", "application/yaml");
        assertEquals(201, r.status(), r.body());
    }

    @Test
    void aBadSchemaIs400WithLocatedProblems() {
        Api.Response r = api.put("/api/v1/db/contacts", "{\"schemaText\": \"name: contacts\\nversion: 1\\ntypes:\\n  contact:\\n    fields:\\n      name: { type: strin }\\n\"}");
        assertProblem(r, 400, "Invalid Schema");
        JsonNode p = r.json().path("problems").get(0);
        assertTrue(p.path("line").asInt() > 0, r.body());
        assertTrue(p.path("message").asText().length() > 0);
        assertFalse(p.path("path").isMissingNode());
        assertTrue(api.get("/api/v1/db").json().path("databases").isEmpty(), "nothing was created");
    }

    @Test
    void aBodyWithNeitherSchemaNorSchemaTextIsRefused() {
        assertProblem(api.put("/api/v1/db/contacts", "{\"schemo\": {}}"), 400, "Invalid Request");
    }

    @Test
    void listingShowsTheDatabases() {
        api.put("/api/v1/db/b", Schemas.createBody());
        api.put("/api/v1/db/a", Schemas.createBody());
        JsonNode list = api.get("/api/v1/db").json().path("databases");
        assertEquals("[\"a\",\"b\"]", list.toString());
    }

    @Test
    void infoAndHeadDescribeTheDatabase() {
        String head = api.put("/api/v1/db/contacts", Schemas.createBody()).json().path("head").asText();
        Api.Response info = api.get("/api/v1/db/contacts");
        assertEquals(200, info.status());
        assertEquals(head, info.json().path("head").asText());
        assertEquals(head, api.get("/api/v1/db/contacts/head").json().path("head").asText());
    }

    @Test
    void anUnknownDatabaseIs404() {
        assertProblem(api.get("/api/v1/db/nope"), 404, "Not Found");
        assertProblem(api.get("/api/v1/db/nope/docs/contact/x"), 404, "Not Found");
    }

    @Test
    void anInvalidDatabaseNameIs400() {
        assertProblem(api.put("/api/v1/db/Upper", Schemas.createBody()), 400, "Invalid Request");
        assertProblem(api.put("/api/v1/db/-dash", Schemas.createBody()), 400, "Invalid Request");
        assertProblem(api.get("/api/v1/db/a..b"), 400, "Invalid Request");
        assertProblem(api.get("/api/v1/db/" + "x".repeat(200)), 400, "Invalid Request");
        assertTrue(api.get("/api/v1/db").json().path("databases").isEmpty());
    }

    @Test
    void clusterShowsThisNodeAlone() {
        Api.Response r = api.get("/api/v1/cluster");
        assertEquals(200, r.status());
        assertEquals("{\"node\":\"test\",\"peers\":[]}", r.json().toString());
    }

    static void assertProblem(Api.Response r, int status, String title) {
        assertEquals(status, r.status(), r.body());
        assertEquals("application/problem+json", r.contentType(), r.body());
        JsonNode p = r.json();
        assertEquals(title, p.path("title").asText(), r.body());
        assertEquals(status, p.path("status").asInt());
        assertTrue(p.path("type").asText().startsWith("urn:quire:problem:"), r.body());
        assertFalse(p.path("detail").asText().isEmpty(), r.body());
    }

    static String quote(String s) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
    }
}
