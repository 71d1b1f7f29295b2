package io.quire.sdk.remote;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code type} URIs of the API's problem documents (RFC 9457 §3.1.1), with their status and title.
 * Clients branch on the type, never on the human-readable detail.
 */
public enum ProblemType {
    NOT_FOUND("not-found", 404, "Not Found"),
    INVALID_REQUEST("invalid-request", 400, "Invalid Request"),
    MALFORMED_JSON("malformed-json", 400, "Malformed JSON"),
    INVALID_SCHEMA("invalid-schema", 400, "Invalid Schema"),
    PRECONDITION_FAILED("precondition-failed", 412, "Precondition Failed"),
    SCHEMA_VIOLATION("schema-violation", 422, "Schema Violation"),
    ALREADY_EXISTS("already-exists", 409, "Already Exists"),
    UNAVAILABLE("unavailable", 503, "Unavailable"),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method Not Allowed"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported Media Type"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload Too Large"),
    INTERNAL("internal", 500, "Internal Server Error");

    /** Prefix of every type URI; the URN needs no resolvable host (RFC 9457 §3.1.1 allows any URI). */
    public static final String PREFIX = "urn:quire:problem:";
    public static final String MEDIA_TYPE = "application/problem+json";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return PREFIX + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static Optional<ProblemType> fromUri(String uri) {
        return Arrays.stream(values()).filter(t -> t.uri().equals(uri)).findFirst();
    }
}
