package io.quire.sdk.remote;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.sdk.QuireException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One node's HTTP API as blocking calls: builds URLs, adds the bearer token, turns problems into exceptions. */
final class ApiClient implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient http;
    private final URI base;
    private final String token;
    /** Open change feeds, closed with the client. */
    final Set<AutoCloseable> feeds = ConcurrentHashMap.newKeySet();

    ApiClient(URI base, String token) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.token = token;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }

    record Response(int status, HttpHeaders headers, byte[] body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            return ApiClient.parse(body);
        }

        /** The problem's extension member {@code missing} ("document", "blob"), or "". */
        String missing() {
            return status == 404 && body.length > 0 ? json().path("missing").asText("") : "";
        }
    }

    /** {@code /api/v1/} followed by each segment percent-encoded (so no id can add a path segment). */
    static String path(String... segments) {
        StringBuilder b = new StringBuilder("/api/v1");
        for (String s : segments) b.append('/').append(encode(s));
        return b.toString();
    }

    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~')) b.append(c);
            else b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
        }
        return b.toString();
    }

    Response send(String method, String pathAndQuery, JsonNode body, String... headers) {
        HttpRequest request = request(method, pathAndQuery, body, headers).timeout(REQUEST_TIMEOUT).build();
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new QuireException.Unavailable("cannot reach " + base + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuireException.Unavailable("interrupted while calling " + base);
        }
    }

    /** Sends and returns the JSON answer, or throws the exception the server's problem document names. */
    JsonNode call(String method, String pathAndQuery, JsonNode body, String... headers) {
        Response r = send(method, pathAndQuery, body, headers);
        if (!r.ok()) throw failure(r);
        return r.body().length == 0 ? Wire.object() : r.json();
    }

    /** Opens a streaming GET (server-sent events); the caller closes the stream. */
    HttpResponse<InputStream> stream(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(request("GET", pathAndQuery, null, "Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    static QuireException failure(Response r) {
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (type.contains("json") && r.body().length > 0) {
            try {
                return ProblemDecoder.decode(r.status(), r.json());
            } catch (QuireException e) {
                // not JSON after all: fall through to the status
            }
        }
        return ProblemDecoder.byStatus(r.status(), "HTTP " + r.status());
    }

    private HttpRequest.Builder request(String method, String pathAndQuery, JsonNode body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .header("Authorization", "Bearer " + token);
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        if (body == null) return b.method(method, HttpRequest.BodyPublishers.noBody());
        return b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(Wire.bytes(body)));
    }

    static JsonNode parse(byte[] body) {
        try {
            return Wire.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new QuireException.InvalidRequest("the server sent malformed JSON: " + e.getMessage());
        }
    }

    URI base() {
        return base;
    }

    @Override
    public void close() {
        for (AutoCloseable f : feeds) {
            try {
                f.close();
            } catch (Exception e) {
                // closing a feed only stops a thread; nothing to report
            }
        }
        http.shutdownNow();
    }
}
