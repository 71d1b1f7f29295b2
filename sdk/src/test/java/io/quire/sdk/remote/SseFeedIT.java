package io.quire.sdk.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quire.sdk.ChangeBatch;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The remote listener against a scripted server that drops the event stream after each event: the
 * listener reconnects from the last commit it delivered, and sees every head once, in order.
 */
class SseFeedIT {
    static final String C0 = "0".repeat(39) + "1";
    static final String C1 = "1".repeat(40);
    static final String C2 = "2".repeat(40);

    HttpServer server;
    final List<String> sinceAsked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/db/notes/head", ex -> {
            byte[] body = ("{\"head\":\"" + C0 + "\"}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/api/v1/db/notes/changes", ex -> {
            String since = ex.getRequestURI().getQuery().replaceAll(".*since=([0-9a-f]*).*", "$1");
            sinceAsked.add(since);
            String until = since.equals(C0) ? C1 : since.equals(C1) ? C2 : null;
            ex.getResponseHeaders().add("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
                if (until != null) {
                    String batch = "{\"since\":\"" + since + "\",\"until\":\"" + until + "\",\"changes\":[{\"type\":\"note\",\"id\":\"n"
                            + until.charAt(0) + "\",\"rev\":\"" + until + "\",\"previous\":null,\"deleted\":false}]}";
                    out.write(("event: change\nid: " + until + "\ndata: " + batch + "\n\n").getBytes(StandardCharsets.UTF_8));
                } else {
                    Thread.sleep(2000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aDroppedStreamIsResumedFromTheLastDeliveredCommit() throws Exception {
        LinkedBlockingQueue<ChangeBatch> seen = new LinkedBlockingQueue<>();
        try (ApiClient api = new ApiClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "t");
             AutoCloseable handle = new RemoteDatabase(api, "notes").listen(seen::add)) {
            ChangeBatch first = seen.poll(10, TimeUnit.SECONDS);
            ChangeBatch second = seen.poll(10, TimeUnit.SECONDS);
            assertEquals(C1, first.until());
            assertEquals(C1, second.since());
            assertEquals(C2, second.until());
            assertEquals("n2", second.changes().get(0).id().id());
            assertTrue(sinceAsked.size() >= 2);
            assertEquals(List.of(C0, C1), sinceAsked.subList(0, 2));
            assertEquals(null, seen.poll(300, TimeUnit.MILLISECONDS), "no head is delivered twice");
        }
    }
}
