package io.quire.server.http;

import static io.quire.server.http.DatabaseRoutesIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.sdk.remote.Wire;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeFeedIT {
    static final String CHANGES = "/api/v1/db/contacts/changes";

    @TempDir
    Path dir;
    TestNode node;
    Api api;
    String created;

    @BeforeEach
    void start() throws Exception {
        node = new TestNode(dir);
        api = node.api;
        created = api.put("/api/v1/db/contacts", Schemas.createBody()).json().path("head").asText();
    }

    @AfterEach
    void stop() throws Exception {
        node.close();
    }

    String write(String id, String name) {
        return api.put("/api/v1/db/contacts/docs/contact/" + id, "{\"name\":\"" + name + "\"}").json().path("commit").asText();
    }

    @Test
    void changesSinceACommitListTheDocumentsWrittenAfterIt() {
        write("ann", "Ann");
        String mid = write("bob", "Bob");
        write("cid", "Cid");
        JsonNode all = api.get(CHANGES).json();
        assertEquals("", all.path("since").asText());
        assertEquals(3, all.path("changes").size());
        JsonNode later = api.get(CHANGES + "?since=" + mid).json();
        assertEquals(1, later.path("changes").size());
        JsonNode c = later.path("changes").get(0);
        assertEquals("contact", c.path("type").asText());
        assertEquals("cid", c.path("id").asText());
        assertEquals(false, c.path("deleted").asBoolean());
        assertTrue(c.path("previous").isNull());
    }

    @Test
    void aLongPollAnswersAsSoonAsAWriteLands() throws Exception {
        CompletableFuture<Api.Response> poll = CompletableFuture.supplyAsync(() ->
                api.get(CHANGES + "?feed=longpoll&timeout=20000&since=" + created));
        Thread.sleep(300);
        assertTrue(!poll.isDone(), "nothing changed yet");
        long t0 = System.nanoTime();
        String commit = write("ann", "Ann");
        Api.Response r = poll.get(10, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5));
        assertEquals(200, r.status(), r.body());
        assertEquals(commit, r.json().path("until").asText());
        assertEquals("ann", r.json().path("changes").get(0).path("id").asText());
    }

    @Test
    void aLongPollTimesOutWithAnEmptyBatch() {
        Api.Response r = api.get(CHANGES + "?feed=longpoll&timeout=200&since=" + created);
        assertEquals(200, r.status());
        assertEquals(created, r.json().path("until").asText());
        assertEquals(0, r.json().path("changes").size());
    }

    @Test
    void aLongPollBehindTheHeadAnswersAtOnce() {
        write("ann", "Ann");
        Api.Response r = api.get(CHANGES + "?feed=longpoll&timeout=60000&since=" + created);
        assertEquals(1, r.json().path("changes").size());
    }

    @Test
    void anEventStreamSendsOneChangeEventPerNewHeadAndHeartbeats() throws Exception {
        try (EventStream events = new EventStream(api, CHANGES + "?feed=sse&since=" + created, null)) {
            assertEquals(200, events.response.statusCode());
            assertTrue(events.response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            String first = write("ann", "Ann");
            Event e = events.nextEvent();
            assertEquals("change", e.type);
            assertEquals(first, e.id);
            assertEquals("ann", Wire.MAPPER.readTree(e.data).path("changes").get(0).path("id").asText());
            String second = write("bob", "Bob");
            Event e2 = events.nextEvent();
            assertEquals(second, e2.id);
            assertEquals(first, Wire.MAPPER.readTree(e2.data).path("since").asText());
            assertTrue(events.sawHeartbeat || events.waitForHeartbeat(), "a heartbeat comment while idle");
        }
    }

    @Test
    void anEventStreamResumesFromLastEventId() throws Exception {
        String first = write("ann", "Ann");
        write("bob", "Bob");
        try (EventStream events = new EventStream(api, CHANGES + "?feed=sse", first)) {
            Event e = events.nextEvent();
            JsonNode batch = Wire.MAPPER.readTree(e.data);
            assertEquals(first, batch.path("since").asText());
            assertEquals("bob", batch.path("changes").get(0).path("id").asText());
        }
    }

    @Test
    void anEventStreamOfAnUnknownDatabaseIs404() {
        assertProblem(api.get("/api/v1/db/nope/changes?feed=sse"), 404, "Not Found");
    }

    record Event(String type, String id, String data) {
    }

    /** A minimal event-stream reader (WHATWG HTML §9.2.6) over java.net.http. */
    static final class EventStream implements AutoCloseable {
        final HttpResponse<InputStream> response;
        final BufferedReader reader;
        boolean sawHeartbeat;

        EventStream(Api api, String path, String lastEventId) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path))
                    .header("Authorization", "Bearer " + api.token()).header("Accept", "text/event-stream");
            if (lastEventId != null) b.header("Last-Event-ID", lastEventId);
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
            reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        }

        Event nextEvent() throws Exception {
            String type = null, id = null;
            StringBuilder data = new StringBuilder();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith(": heartbeat")) sawHeartbeat = true;
                else if (line.startsWith("event:")) type = line.substring(6).strip();
                else if (line.startsWith("id:")) id = line.substring(3).strip();
                else if (line.startsWith("data:")) data.append(line.substring(5).strip());
                else if (line.isEmpty() && type != null) return new Event(type, id, data.toString());
            }
            throw new AssertionError("stream ended");
        }

        boolean waitForHeartbeat() throws Exception {
            for (String line; (line = reader.readLine()) != null; ) if (line.startsWith(": heartbeat")) return true;
            return false;
        }

        @Override
        public void close() throws Exception {
            response.body().close();
        }
    }
}
