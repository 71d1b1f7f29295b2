package io.quire.server.http.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.schema.parse.SchemaException;
import io.quire.schema.parse.SchemaProblem;
import io.quire.schema.validate.Violation;
import io.quire.sdk.QuireException;
import io.quire.sdk.remote.ProblemType;
import io.quire.sdk.remote.Wire;
import io.vertx.ext.web.handler.HttpException;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * The one place where a failure becomes an HTTP answer. Expected failures get their own problem
 * type; anything else is a 500 whose detail only carries an error id (the log has the rest), so no
 * stack trace or internal message ever reaches a client.
 */
public final class ProblemMapper {
    private ProblemMapper() {
    }

    public static Problem map(Throwable failure) {
        Throwable t = unwrap(failure);
        return switch (t) {
            case QuireException q -> fromQuire(q);
            case ApiError a -> a.problem();
            case SchemaException s -> invalidSchema(s);
            case JsonProcessingException j -> malformedJson(j);
            case HttpException h -> fromStatus(h.getStatusCode(), h.getPayload());
            default -> internal();
        };
    }

    /** A status chosen by Vert.x Web itself (no route, wrong method, body too large). */
    public static Problem fromStatus(int status, String detail) {
        ProblemType type = switch (status) {
            case 401 -> ProblemType.UNAUTHORIZED;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ProblemType.UNAVAILABLE;
            default -> status >= 400 && status < 500 ? ProblemType.INVALID_REQUEST : null;
        };
        if (type == null) return internal();
        return new Problem(type, detail == null || detail.isBlank() ? defaultDetail(type) : detail);
    }

    /** Exhaustive over the sealed hierarchy: a new kind of failure does not compile until it is mapped here. */
    private static Problem fromQuire(QuireException q) {
        return switch (q) {
            case QuireException.NotFound n -> new Problem(ProblemType.NOT_FOUND, n.getMessage());
            case QuireException.InvalidRequest i -> new Problem(ProblemType.INVALID_REQUEST, i.getMessage());
            case QuireException.PreconditionFailed p -> {
                ObjectNode ext = Wire.object();
                if (p.currentRevision() != null) ext.put("currentRevision", p.currentRevision());
                else ext.putNull("currentRevision");
                yield new Problem(ProblemType.PRECONDITION_FAILED, p.getMessage(), ext);
            }
            case QuireException.SchemaViolation v -> {
                ObjectNode ext = Wire.object();
                ArrayNode list = ext.putArray("violations");
                for (Violation x : v.violations()) list.addObject().put("path", x.path()).put("message", x.message());
                yield new Problem(ProblemType.SCHEMA_VIOLATION, v.getMessage(), ext);
            }
            case QuireException.InvalidSchema s -> invalidSchema(new SchemaException(s.problems()));
            case QuireException.AlreadyExists a -> new Problem(ProblemType.ALREADY_EXISTS, a.getMessage());
            case QuireException.Unavailable u -> new Problem(ProblemType.UNAVAILABLE, u.getMessage());
        };
    }

    private static Problem invalidSchema(SchemaException s) {
        ObjectNode ext = Wire.object();
        ArrayNode list = ext.putArray("problems");
        for (SchemaProblem p : s.problems())
            list.addObject().put("line", p.line()).put("column", p.column()).put("path", p.path()).put("message", p.message());
        return new Problem(ProblemType.INVALID_SCHEMA, "invalid schema: " + s.getMessage(), ext);
    }

    /** Jackson's own message names the problem; its location (line, column) says where. */
    private static Problem malformedJson(JsonProcessingException j) {
        JsonLocation at = j.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String what = j.getOriginalMessage() == null ? "unreadable input" : j.getOriginalMessage().lines().findFirst().orElse("");
        ObjectNode ext = Wire.object();
        if (at != null) ext.put("line", at.getLineNr()).put("column", at.getColumnNr());
        return new Problem(ProblemType.MALFORMED_JSON, "malformed JSON" + where + ": " + what, ext);
    }

    private static Problem internal() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return new Problem(ProblemType.INTERNAL, "internal error (reference " + id + ")",
                Wire.object().put("errorId", id));
    }

    private static String defaultDetail(ProblemType type) {
        return switch (type) {
            case METHOD_NOT_ALLOWED -> "this method is not allowed on this resource";
            case PAYLOAD_TOO_LARGE -> "the request body is larger than the configured limit";
            case UNSUPPORTED_MEDIA_TYPE -> "expected a JSON body (application/json)";
            case NOT_FOUND -> "no such resource";
            case UNAUTHORIZED -> "missing or wrong bearer token";
            default -> type.title();
        };
    }

    private static Throwable unwrap(Throwable t) {
        Throwable x = t;
        while ((x instanceof CompletionException || x instanceof java.util.concurrent.ExecutionException) && x.getCause() != null)
            x = x.getCause();
        return x;
    }
}
