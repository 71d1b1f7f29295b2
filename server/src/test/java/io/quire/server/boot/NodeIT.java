package io.quire.server.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole node started from a configuration, reached over HTTP and by the client commands, then stopped. */
class NodeIT {
    @TempDir
    Path dir;

    @Test
    void aNodeServesTheApiKeepsItsTokenAndAnswersStatus() throws Exception {
        NodeConfig config = NodeConfigParser.parse("node: n1\ndataDir: " + dir.resolve("data") + "\nhttp: 127.0.0.1:0\n", "test", false);
        String token;
        int port;
        try (Node node = Node.start(config)) {
            port = node.httpPort();
            token = node.adminToken();
            ByteArrayOutputStream described = new ByteArrayOutputStream();
            node.describe(new PrintStream(described, true, StandardCharsets.UTF_8));
            String text = described.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("http://127.0.0.1:" + port + "/api/v1"), text);
            assertTrue(text.contains(token), text);
            assertEquals(token, Files.readString(dir.resolve("data/admin-token")).strip());

            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"status\":\"ok\",\"node\":\"n1\"}", health.body());

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = Main.run(List.of("status", "--url", "http://127.0.0.1:" + port, "--token", token),
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            assertEquals(0, code);
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"node\" : \"n1\""), out.toString(StandardCharsets.UTF_8));

            ByteArrayOutputStream err = new ByteArrayOutputStream();
            code = Main.run(List.of("user", "add", "alice@localhost", "--password", "pw", "--url", "http://127.0.0.1:" + port,
                    "--token", token), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(1, code);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("does not run the mail app"), err.toString(StandardCharsets.UTF_8));
        }
        try (Node again = Node.start(config)) {
            assertEquals(token, again.adminToken(), "the generated token survives a restart");
        }
    }

    @Test
    void aPortInUseStopsStartUpCleanly() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            NodeConfig config = NodeConfigParser.parse("dataDir: " + dir.resolve("d") + "\nhttp: 127.0.0.1:" + taken.getLocalPort() + "\n",
                    "test", false);
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> Node.start(config));
            assertTrue(String.valueOf(e.getCause() == null ? e : e.getCause()).toLowerCase().contains("address"), e.toString());
        }
    }
}
