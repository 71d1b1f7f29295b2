package io.quire.server.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.server.boot.Node;
import io.quire.server.boot.NodeConfigParser;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes whose peer links run over HTTPS with a configured certificate replicate a write. */
class TlsClusterIT {
    @TempDir
    Path dir;

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    String config(String name, int port, String peer, int peerPort) {
        return """
                node: %s
                dataDir: %s
                http: 127.0.0.1:%d
                adminToken: tls-token
                cluster:
                  secret: shared-cluster-secret
                  peers:
                    - { name: %s, url: https://127.0.0.1:%d }
                  tls: { certificate: %s, key: %s, trust: %s }
                """.formatted(name, dir.resolve(name), port, peer, peerPort,
                dir.resolve("cert.pem"), dir.resolve("key.pem"), dir.resolve("cert.pem"));
    }

    @Test
    void peersReplicateOverHttpsWithTheirConfiguredCertificate() throws Exception {
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString(),
                "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost")
                .redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assertEquals(0, openssl.waitFor());
        int pa = freePort(), pb = freePort();
        try (Node a = Node.start(NodeConfigParser.parse(config("a", pa, "b", pb), "a.yaml", false));
             Node b = Node.start(NodeConfigParser.parse(config("b", pb, "a", pa), "b.yaml", false))) {
            HttpClient http = HttpClient.newHttpClient(); // the nodes installed the cluster trust as the JVM default
            String schema = "{\"schema\":{\"name\":\"t\",\"version\":1,\"types\":{\"n\":{\"fields\":{\"v\":{\"type\":\"string\"}}}}}}";
            assertEquals(201, send(http, "PUT", "https://127.0.0.1:" + pa + "/api/v1/db/t", schema).statusCode());
            assertEquals(200, send(http, "PUT", "https://127.0.0.1:" + pa + "/api/v1/db/t/docs/n/x", "{\"v\":\"secure\"}").statusCode());
            long end = System.currentTimeMillis() + 20_000;
            int status = 0;
            while (System.currentTimeMillis() < end && status != 200) {
                status = send(http, "GET", "https://127.0.0.1:" + pb + "/api/v1/db/t/docs/n/x", null).statusCode();
                if (status != 200) Thread.sleep(100);
            }
            assertEquals(200, status, "the write on a reached b over HTTPS");
        }
    }

    static HttpResponse<String> send(HttpClient http, String method, String url, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer tls-token").header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
