package io.quire.mail.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.sdk.remote.Wire;
import io.quire.server.boot.Node;
import io.quire.server.boot.NodeConfigParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real node with the mail app, in this JVM, on free loopback ports, configured from YAML as a user
 * would: the HTTP API, LMTP and SMTP listeners, data under a temporary directory.
 */
public final class MailNode implements AutoCloseable {
    public static final String TOKEN = "test-admin-token";
    public static final String DOMAIN = "example.org";

    public final String name;
    public final Path dataDir;
    public final int http;
    public final int lmtp;
    public final int smtp;
    public final int imap;
    private final String clusterYaml;
    private String mailYaml = "";
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Node node;

    private MailNode(String name, Path dataDir, int[] ports, String clusterYaml) {
        this.name = name;
        this.dataDir = dataDir;
        this.http = ports[0];
        this.lmtp = ports[1];
        this.smtp = ports[2];
        this.imap = ports[3];
        this.clusterYaml = clusterYaml;
    }

    /** Free ports for one node: HTTP, LMTP, SMTP, IMAP. */
    public static int[] ports() throws IOException {
        return new int[]{freePort(), freePort(), freePort(), freePort()};
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A single node, started. */
    public static MailNode start(Path dir) throws Exception {
        return create(dir, "a", ports(), "").start();
    }

    /** A node not started yet; {@code clusterYaml} is the {@code cluster:} section, or empty. */
    public static MailNode create(Path dir, String name, int[] ports, String clusterYaml) {
        return new MailNode(name, dir.resolve(name), ports, clusterYaml);
    }

    public String yaml() {
        return "node: " + name + "\ndataDir: " + dataDir + "\nhttp: 127.0.0.1:" + http + "\nadminToken: " + TOKEN + "\n"
                + clusterYaml
                + "mail:\n  imap: 127.0.0.1:" + imap + "\n  lmtp: 127.0.0.1:" + lmtp + "\n  smtp: 127.0.0.1:" + smtp
                + "\n  domains: [" + DOMAIN + "]\n" + mailYaml;
    }

    /** Adds lines (indented by two spaces) to the {@code mail:} section, e.g. a {@code tls:} block. */
    public MailNode withMailYaml(String lines) {
        this.mailYaml = lines;
        return this;
    }

    public MailNode start() throws Exception {
        node = Node.start(NodeConfigParser.parse(yaml(), name + ".yaml", false));
        return this;
    }

    /** Stops the node (its data stays, so {@link #start()} brings it back). */
    public void stop() {
        if (node != null) node.close();
        node = null;
    }

    @Override
    public void close() {
        stop();
        client.close();
    }

    public String url() {
        return "http://127.0.0.1:" + http;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).GET());
    }

    public HttpResponse<String> post(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Wire.bytes(body))));
    }

    public HttpResponse<String> postRaw(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return client.send(b.header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("node " + name + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> createUser(String user, String password, String... aliases) {
        ObjectNode body = Wire.object().put("name", user).put("password", password);
        for (String a : aliases) body.withArray("aliases").add(a);
        return post("/api/v1/mail/users", body);
    }

    /** One stored message as the export route gives it. */
    public record Stored(long uid, List<String> flags, String internalDate, byte[] raw) {
    }

    /** Every message of a mailbox, in UID order, read through the store page by page. */
    public List<Stored> messages(String user, String mailbox) {
        List<Stored> out = new ArrayList<>();
        long after = 0;
        while (true) {
            HttpResponse<String> r = get("/api/v1/mail/users/" + user + "/mailboxes/"
                    + URLEncoder.encode(mailbox, StandardCharsets.UTF_8).replace("+", "%20") + "/messages?limit=50&after=" + after);
            if (r.statusCode() != 200) throw new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
            JsonNode page = json(r.body());
            for (JsonNode m : page.path("messages")) {
                List<String> flags = new ArrayList<>();
                m.path("flags").forEach(f -> flags.add(f.asText()));
                out.add(new Stored(m.path("uid").asLong(), flags, m.path("internalDate").asText(),
                        Base64.getDecoder().decode(m.path("raw").asText())));
            }
            if (!page.path("next").canConvertToLong()) return out;
            after = page.path("next").asLong();
        }
    }

    public static JsonNode json(String s) {
        try {
            return Wire.MAPPER.readTree(s);
        } catch (IOException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    public static void waitFor(String what, int seconds, BooleanSupplier ok) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            try {
                if (ok.getAsBoolean()) return;
            } catch (RuntimeException | AssertionError e) {
                // not yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("timed out waiting until " + what);
    }
}
