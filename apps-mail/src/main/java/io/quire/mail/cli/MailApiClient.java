package io.quire.mail.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.sdk.remote.Wire;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The mail routes of a running node's HTTP API as blocking calls for the command-line tools. Every
 * failure becomes a {@link CliFailure} that says what to do, above all when the node is not running.
 */
final class MailApiClient implements AutoCloseable {
    private final NodeTarget target;
    private final HttpClient http;

    MailApiClient(NodeTarget target) {
        this.target = target;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Checks that the node answers, runs the mail app and knows {@code user}; called before any work
     * so that a wrong URL, token or user name stops the command at once with a clear message.
     */
    void requireUser(String user) throws CliFailure {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(uri("/api/v1/mail/users")).GET());
        if (r.statusCode() == 404)
            throw new CliFailure("the node at " + target.url() + " does not run the mail app (no /api/v1/mail routes): "
                    + "start it with a mail: section in its configuration");
        JsonNode users = json(r);
        for (JsonNode u : users.path("users"))
            if (u.path("name").asText().equalsIgnoreCase(user.strip())) return;
        throw new CliFailure("no mail user named '" + user + "' on " + target.url() + ": create it first with ./quire user add " + user);
    }

    /** {@code POST /api/v1/mail/users/{user}/import}. */
    JsonNode importBatch(String user, JsonNode batch) throws CliFailure {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/api/v1/mail/users/" + encode(user) + "/import"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Wire.bytes(batch)));
        return json(send(b));
    }

    /** {@code GET /api/v1/mail/users/{user}/mailboxes}. */
    JsonNode mailboxes(String user) throws CliFailure {
        return json(send(HttpRequest.newBuilder(uri("/api/v1/mail/users/" + encode(user) + "/mailboxes")).GET()));
    }

    /** One page of {@code GET /api/v1/mail/users/{user}/mailboxes/{name}/messages}. */
    JsonNode messages(String user, String mailbox, long after, int limit) throws CliFailure {
        return json(send(HttpRequest.newBuilder(uri("/api/v1/mail/users/" + encode(user) + "/mailboxes/" + encode(mailbox)
                + "/messages?after=" + after + "&limit=" + limit)).GET()));
    }

    private URI uri(String path) {
        return URI.create(target.url() + path);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder b) throws CliFailure {
        try {
            HttpResponse<byte[]> r = http.send(b.timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + target.token()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 401)
                throw new CliFailure("the node at " + target.url() + " refused the admin token: pass the right one with --token");
            return r;
        } catch (IOException e) {
            throw new CliFailure("cannot reach the node at " + target.url() + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "): is it running? Start it with ./quire start, or pass --url");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted");
        }
    }

    private static JsonNode json(HttpResponse<byte[]> r) throws CliFailure {
        JsonNode body;
        try {
            body = r.body().length == 0 ? Wire.object() : Wire.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new CliFailure("HTTP " + r.statusCode() + ": the node sent an unreadable answer");
        }
        if (r.statusCode() / 100 != 2)
            throw new CliFailure("HTTP " + r.statusCode() + ": " + body.path("detail").asText(body.path("title").asText("request failed")));
        return body;
    }

    /** Percent-encodes one path segment, so a mailbox name like {@code Archive/2024} stays one segment. */
    static String encode(String segment) {
        StringBuilder b = new StringBuilder();
        for (byte x : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~@+".indexOf(c) >= 0)) b.append((char) c);
            else b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
        }
        return b.toString();
    }

    @Override
    public void close() {
        http.close();
    }
}
