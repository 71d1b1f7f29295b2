package io.quire.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.sdk.remote.Wire;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small blocking HTTP client for tests: raw requests, raw answers. */
record Api(URI base, String token) {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return Wire.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }
    }

    /**
     * Sends a request. {@code headers} are name/value pairs; an Authorization header is added unless
     * one is given (pass {@code "Authorization", ""} for none). A body without Content-Type gets JSON.
     */
    Response send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        boolean auth = true;
        boolean type = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Authorization")) {
                auth = false;
                if (headers[i + 1].isEmpty()) continue;
            }
            if (headers[i].equalsIgnoreCase("Content-Type")) {
                type = true;
                if (headers[i + 1].isEmpty()) continue;
            }
            b.header(headers[i], headers[i + 1]);
        }
        if (auth) b.header("Authorization", "Bearer " + token);
        if (body != null && !type) b.header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    /** A GET whose answer is kept as bytes (blobs). */
    HttpResponse<byte[]> bytes(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("GET " + path + " failed", e);
        }
    }

    Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Response put(String path, String body, String... headers) {
        return send("PUT", path, body, headers);
    }

    Response post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    Response delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /**
     * Sends a request line exactly as given over a plain socket, for paths that {@link URI} would
     * normalise or refuse (dot segments, raw control characters).
     */
    int rawStatus(String method, String rawPath) throws IOException {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            String req = method + " " + rawPath + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
            s.getOutputStream().write(req.getBytes(StandardCharsets.ISO_8859_1));
            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
