package io.quire.server.http;

import static io.quire.server.http.DatabaseRoutesIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthIT {
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
    void aCallWithoutTokenIs401WithABearerChallenge() {
        Api.Response r = api.get("/api/v1/db", "Authorization", "");
        assertProblem(r, 401, "Unauthorized");
        assertEquals("Bearer realm=\"quire\"", r.header("WWW-Authenticate"));
    }

    @Test
    void aWrongTokenIs401AndWritesNothing() {
        assertProblem(api.put("/api/v1/db/contacts", Schemas.createBody(), "Authorization", "Bearer wrong"), 401, "Unauthorized");
        assertProblem(api.get("/api/v1/db", "Authorization", "Basic " + TestNode.TOKEN), 401, "Unauthorized");
        assertProblem(api.get("/api/v1/db", "Authorization", "Bearer " + TestNode.TOKEN + "x"), 401, "Unauthorized");
        assertEquals("[]", api.get("/api/v1/db").json().path("databases").toString());
    }

    @Test
    void theSchemeNameIsCaseInsensitive() {
        assertEquals(200, api.get("/api/v1/db", "Authorization", "bearer " + TestNode.TOKEN).status());
    }

    @Test
    void everyApiRouteButHealthNeedsTheToken() {
        for (String path : new String[]{"/api/v1/cluster", "/api/v1/db/x", "/api/v1/db/x/changes", "/api/v1/unknown"})
            assertProblem(api.get(path, "Authorization", ""), 401, "Unauthorized");
        assertEquals(200, api.get("/api/v1/health", "Authorization", "").status());
    }

    @Test
    void appRoutesSitBehindTheSameTokenAndKeepCoreErrors() throws Exception {
        node.vertx.runOnContext(v -> node.verticle.apiRouter().post("/mail/users")
                .handler(ctx -> ctx.response().setStatusCode(201).end("{}")));
        Thread.sleep(100);
        assertProblem(api.post("/api/v1/mail/users", "{}", "Authorization", ""), 401, "Unauthorized");
        assertEquals(201, api.post("/api/v1/mail/users", "{}").status());
        assertProblem(api.get("/api/v1/mail/nothing"), 404, "Not Found");
        assertProblem(api.send("PATCH", "/api/v1/db/x/docs/t/i", "{}"), 405, "Method Not Allowed");
    }

    @Test
    void contributedRoutesOutsideTheApiBringTheirOwnAuthentication() throws Exception {
        node.close();
        node = new TestNode(dir.resolve("other"), null, java.util.List.of(root ->
                root.get("/git/:repo").handler(ctx -> ctx.response().end("git " + ctx.pathParam("repo")))));
        Api.Response r = node.api.get("/git/contacts.git", "Authorization", "");
        assertEquals(200, r.status());
        assertEquals("git contacts.git", r.body());
        assertProblem(node.api.get("/git/x/../y"), 400, "Invalid Request");
        assertProblem(node.api.get("/gitx"), 404, "Not Found");
    }
}
