package io.quire.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.sdk.remote.Wire;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A finished answer computed off the event loop, written on it. Keeping the store call and the
 * response write apart means no worker thread ever touches the response.
 */
record Reply(int status, Map<String, String> headers, byte[] body) {
    static Reply json(int status, JsonNode body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        return new Reply(status, h, Wire.bytes(body));
    }

    static Reply bytes(int status, String contentType, byte[] body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", contentType);
        return new Reply(status, h, body);
    }

    static Reply empty(int status) {
        return new Reply(status, new LinkedHashMap<>(), null);
    }

    Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    void writeTo(HttpServerResponse r) {
        if (r.ended() || r.closed()) return;
        r.setStatusCode(status);
        headers.forEach(r::putHeader);
        if (body == null) r.end();
        else r.end(Buffer.buffer(body));
    }
}
