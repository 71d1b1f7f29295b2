package io.quire.server.http.error;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.sdk.remote.ProblemType;
import io.quire.sdk.remote.Wire;

/**
 * An RFC 9457 problem document about to be sent: its type (which fixes status and title), a
 * human-readable detail, and extension members such as {@code violations}.
 */
public record Problem(ProblemType type, String detail, ObjectNode extensions) {
    public Problem(ProblemType type, String detail) {
        this(type, detail, Wire.object());
    }

    public int status() {
        return type.status();
    }

    public ObjectNode toJson() {
        ObjectNode o = Wire.object();
        o.put("type", type.uri());
        o.put("title", type.title());
        o.put("status", type.status());
        o.put("detail", detail);
        o.setAll(extensions);
        return o;
    }
}
