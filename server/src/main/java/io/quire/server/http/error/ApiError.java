package io.quire.server.http.error;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.sdk.remote.ProblemType;
import io.quire.sdk.remote.Wire;

/**
 * A failure found by the HTTP layer itself (bad header, wrong media type, missing document) rather
 * than by the store. Carries its problem ready-made; no stack trace, since it is an expected outcome.
 */
public final class ApiError extends RuntimeException {
    private final transient Problem problem;

    private ApiError(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public static ApiError of(ProblemType type, String detail) {
        return new ApiError(new Problem(type, detail));
    }

    public static ApiError badRequest(String detail) {
        return of(ProblemType.INVALID_REQUEST, detail);
    }

    /** A 404 whose {@code missing} member tells clients what is absent ("document", "blob"). */
    public static ApiError missing(String what, String detail) {
        ObjectNode ext = Wire.object().put("missing", what);
        return new ApiError(new Problem(ProblemType.NOT_FOUND, detail, ext));
    }

    public Problem problem() {
        return problem;
    }
}
