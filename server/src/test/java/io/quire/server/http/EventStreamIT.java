package io.quire.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The event stream read by a Vert.x client that asks for gzip, as browsers do: events still arrive one by one, uncompressed. */
@ExtendWith(VertxExtension.class)
class EventStreamIT {
    @TempDir
    Path dir;
    TestNode node;
    String created;

    @BeforeEach
    void start() throws Exception {
        node = new TestNode(dir);
        created = node.api.put("/api/v1/db/contacts", Schemas.createBody()).json().path("head").asText();
    }

    @AfterEach
    void stop() throws Exception {
        node.close();
    }

    @Test
    void eachWriteArrivesAsItsOwnEventEvenWhenGzipIsAccepted(Vertx vertx, VertxTestContext test) throws Throwable {
        var connected = test.checkpoint();
        var firstEvent = test.checkpoint();
        var secondEvent = test.checkpoint();
        StringBuilder seen = new StringBuilder();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                .setPort(node.verticle.actualPort())
                .setURI("/api/v1/db/contacts/changes?feed=sse&since=" + created)
                .putHeader("Authorization", "Bearer " + TestNode.TOKEN)
                .putHeader("Accept-Encoding", "gzip");
        vertx.createHttpClient(new HttpClientOptions().setDecompressionSupported(false)).request(options)
                .compose(req -> req.send())
                .onComplete(test.succeeding(resp -> {
                    test.verify(() -> {
                        assertEquals(200, resp.statusCode());
                        assertTrue(resp.getHeader("Content-Type").startsWith("text/event-stream"));
                        String encoding = resp.getHeader("Content-Encoding");
                        assertTrue(encoding == null || encoding.equals("identity"), encoding);
                    });
                    connected.flag();
                    vertx.executeBlocking(() -> node.api.put("/api/v1/db/contacts/docs/contact/ann", "{\"name\":\"Ann\"}"), false);
                    resp.handler(chunk -> {
                        seen.append(chunk.toString());
                        int events = seen.toString().split("event: change\n", -1).length - 1;
                        if (events == 1 && !seen.toString().contains("\"bob\"") && seen.toString().endsWith("\n\n")) {
                            firstEvent.flag();
                            vertx.executeBlocking(() -> node.api.put("/api/v1/db/contacts/docs/contact/bob", "{\"name\":\"Bob\"}"), false);
                        }
                        if (events == 2 && seen.toString().endsWith("\n\n")) {
                            test.verify(() -> assertTrue(seen.toString().contains("\"id\":\"bob\"")));
                            secondEvent.flag();
                        }
                    });
                }));
        assertTrue(test.awaitCompletion(20, TimeUnit.SECONDS));
        if (test.failed()) throw test.causeOfFailure();
    }
}
