package io.quire.sdk.remote;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.schema.parse.SchemaProblem;
import io.quire.schema.validate.Violation;
import io.quire.sdk.QuireException;
import java.util.ArrayList;
import java.util.List;

/** Turns a problem document received from the API back into the {@link QuireException} the server mapped. */
final class ProblemDecoder {
    private ProblemDecoder() {
    }

    static QuireException decode(int status, JsonNode problem) {
        String detail = problem.path("detail").asText(problem.path("title").asText("HTTP " + status));
        ProblemType type = ProblemType.fromUri(problem.path("type").asText("")).orElse(null);
        if (type == null) return byStatus(status, detail);
        return switch (type) {
            case NOT_FOUND -> new QuireException.NotFound(detail);
            case PRECONDITION_FAILED -> new QuireException.PreconditionFailed(detail,
                    problem.path("currentRevision").isTextual() ? problem.get("currentRevision").asText() : null);
            case SCHEMA_VIOLATION -> new QuireException.SchemaViolation(detail, violations(problem));
            case ALREADY_EXISTS -> new QuireException.AlreadyExists(detail);
            case UNAVAILABLE, INTERNAL -> new QuireException.Unavailable(detail);
            case INVALID_SCHEMA -> new QuireException.InvalidSchema(detail, problems(problem));
            case INVALID_REQUEST, MALFORMED_JSON, UNAUTHORIZED, METHOD_NOT_ALLOWED,
                 UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE -> new QuireException.InvalidRequest(detail);
        };
    }

    /** For answers that are not our problem documents (a proxy's error page, say). */
    static QuireException byStatus(int status, String detail) {
        return switch (status) {
            case 404 -> new QuireException.NotFound(detail);
            case 409 -> new QuireException.AlreadyExists(detail);
            case 412 -> new QuireException.PreconditionFailed(detail, null);
            case 422 -> new QuireException.SchemaViolation(detail, List.of());
            default -> status >= 500 || status == 429 ? new QuireException.Unavailable(detail)
                    : new QuireException.InvalidRequest(detail);
        };
    }

    private static List<SchemaProblem> problems(JsonNode problem) {
        List<SchemaProblem> out = new ArrayList<>();
        for (JsonNode p : problem.path("problems"))
            out.add(new SchemaProblem(p.path("line").asInt(0), p.path("column").asInt(0),
                    p.path("path").asText(""), p.path("message").asText("")));
        return out;
    }

    private static List<Violation> violations(JsonNode problem) {
        List<Violation> out = new ArrayList<>();
        for (JsonNode v : problem.path("violations"))
            out.add(new Violation(v.path("path").asText(""), v.path("message").asText("")));
        return out;
    }
}
