package io.quire.server.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.merge.document.DocumentCodec;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real nodes in three JVMs on loopback, configured from YAML files as a user would: writes on
 * every node replicate; a node killed with SIGKILL while writes go on elsewhere comes back and
 * converges; stock git clones a replica with the admin token and is refused without it.
 */
class ClusterIT {
    static final String TOKEN = "test-admin-token";
    static final String SCHEMA = """
            {"schema": {"name": "notes", "version": 1, "types": {"note": {"fields": {
              "text": {"type": "string", "merge": "lww"}, "hits": {"type": "integer", "merge": "counter"}}}}}}
            """;

    @TempDir
    Path dir;
    final HttpClient http = HttpClient.newHttpClient();
    int[] ports;
    Process[] nodes = new Process[3];

    @AfterEach
    void stop() throws IOException {
        for (Process p : nodes) if (p != null) p.destroyForcibly();
        // Keep the nodes' logs where CI leaves them (target/), for diagnosing a failure after the fact.
        Path keep = Path.of("target", "cluster-it-logs");
        Files.createDirectories(keep);
        for (int i = 0; i < 3; i++) {
            Path log = dir.resolve("node" + i + ".log");
            if (Files.exists(log)) Files.copy(log, keep.resolve("node" + i + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    Path config(int i) throws IOException {
        String[] names = {"a", "b", "c"};
        StringBuilder y = new StringBuilder();
        y.append("node: ").append(names[i]).append('\n');
        y.append("dataDir: ").append(dir.resolve(names[i])).append('\n');
        y.append("http: 127.0.0.1:").append(ports[i]).append('\n');
        y.append("adminToken: ").append(TOKEN).append('\n');
        y.append("cluster:\n  secret: shared-cluster-secret\n  peers:\n");
        for (int j = 0; j < 3; j++)
            if (j != i) y.append("    - { name: ").append(names[j]).append(", url: http://127.0.0.1:").append(ports[j]).append(" }\n");
        Path f = dir.resolve(names[i] + ".yaml");
        Files.writeString(f, y);
        return f;
    }

    Process start(int i) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "io.quire.server.boot.Main", "start", "--config", config(i).toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("node" + i + ".log").toFile()).start();
        nodes[i] = p;
        waitFor("node " + i + " answers", 30, () -> get(i, "/api/v1/health").statusCode() == 200);
        return p;
    }

    HttpResponse<String> get(int node, String path) {
        return send(node, HttpRequest.newBuilder(uri(node, path)).GET());
    }

    HttpResponse<String> put(int node, String path, String body) {
        return send(node, HttpRequest.newBuilder(uri(node, path)).PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    URI uri(int node, String path) {
        return URI.create("http://127.0.0.1:" + ports[node] + path);
    }

    HttpResponse<String> send(int node, HttpRequest.Builder b) {
        try {
            return http.send(b.header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            return new FailedResponse(e);
        }
    }

    String head(int node) {
        HttpResponse<String> r = get(node, "/api/v1/db/notes");
        if (r.statusCode() != 200) return "missing:" + r.statusCode();
        return json(r.body()).path("head").asText();
    }

    static JsonNode json(String s) {
        try {
            return DocumentCodec.MAPPER.readTree(s);
        } catch (IOException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    static void waitFor(String what, int seconds, BooleanSupplier ok) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            try {
                if (ok.getAsBoolean()) return;
            } catch (RuntimeException ignored) {
                // not yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("timed out waiting until " + what);
    }

    @Test
    void threeNodesReplicateSurviveASigkillAndConverge() throws Exception {
        ports = new int[]{freePort(), freePort(), freePort()};
        for (int i = 0; i < 3; i++) start(i);
        assertEquals(201, put(0, "/api/v1/db/notes", SCHEMA).statusCode());
        waitFor("the database appears on every peer", 20, () -> get(1, "/api/v1/db/notes").statusCode() == 200
                && get(2, "/api/v1/db/notes").statusCode() == 200);

        assertEquals(200, put(1, "/api/v1/db/notes/docs/note/from-b", "{\"text\":\"hello from b\"}").statusCode());
        waitFor("a write on b reaches a and c", 10, () -> get(0, "/api/v1/db/notes/docs/note/from-b").statusCode() == 200
                && get(2, "/api/v1/db/notes/docs/note/from-b").statusCode() == 200);

        nodes[2].destroyForcibly().waitFor(); // SIGKILL
        for (int i = 0; i < 20; i++) {
            assertEquals(200, put(i % 2, "/api/v1/db/notes/docs/note/n" + i, "{\"text\":\"while c was down " + i + "\"}").statusCode());
        }
        put(0, "/api/v1/db/notes/docs/note/shared", "{\"text\":\"a\",\"hits\":1}");
        waitFor("a and b agree", 30, () -> head(0).equals(head(1)));
        assertTrue(head(0).length() == 40);

        start(2);
        waitFor("c converges with a and b after its restart", 30, () -> head(2).equals(head(0)) && head(1).equals(head(0)));
        for (int i = 0; i < 20; i++) assertEquals(200, get(2, "/api/v1/db/notes/docs/note/n" + i).statusCode());
        JsonNode cluster = json(get(0, "/api/v1/cluster").body());
        assertEquals("a", cluster.path("node").asText());
        assertEquals(2, cluster.path("peers").size());

        // Stock git: a clone with the admin token works and holds the same head; without it, refused.
        File clone = dir.resolve("clone").toFile();
        Process git = new ProcessBuilder("git", "clone", "-q", "--bare",
                "http://admin:" + TOKEN + "@127.0.0.1:" + ports[1] + "/git/notes.git", clone.getPath())
                .redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, git.waitFor(), out);
        Process rev = new ProcessBuilder("git", "--git-dir", clone.getPath(), "rev-parse", "refs/heads/main").start();
        assertEquals(head(1), new String(rev.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
        Process anon = new ProcessBuilder("git", "-c", "credential.helper=", "ls-remote", "http://127.0.0.1:" + ports[1] + "/git/notes.git")
                .redirectErrorStream(true).start();
        anon.getOutputStream().close();
        assertNotEquals(0, anon.waitFor(), "anonymous git access must be refused");

        // A peer call without the cluster signature is refused.
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(uri(0, "/cluster/v1/databases")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unsigned.statusCode());
    }

    /** A response standing for a connection that failed (the node is not up yet). */
    record FailedResponse(Exception cause) implements HttpResponse<String> {
        public int statusCode() {
            return -1;
        }

        public HttpRequest request() {
            return null;
        }

        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true);
        }

        public String body() {
            return "";
        }

        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        public URI uri() {
            return null;
        }

        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
