package io.quire.mail.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.mail.store.MailStoreException;
import io.quire.sdk.QuireException;
import io.quire.sdk.remote.ProblemType;
import io.quire.sdk.remote.Wire;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a mail API failure becomes an HTTP answer: an RFC 9457 problem document with
 * the same {@code type} URIs, titles and statuses as the core API ({@link ProblemType}). Anything
 * unexpected is a 500 whose detail carries only an error id; the log has the rest.
 */
final class ApiProblems {
    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private ApiProblems() {
    }

    /** A client mistake found by the mail routes themselves. */
    static final class BadRequest extends RuntimeException {
        final ProblemType type;

        BadRequest(ProblemType type, String detail) {
            super(detail, null, false, false);
            this.type = type;
        }
    }

    static BadRequest invalid(String detail) {
        return new BadRequest(ProblemType.INVALID_REQUEST, detail);
    }

    static BadRequest notFound(String detail) {
        return new BadRequest(ProblemType.NOT_FOUND, detail);
    }

    static BadRequest exists(String detail) {
        return new BadRequest(ProblemType.ALREADY_EXISTS, detail);
    }

    /** The request body as JSON; a body that is not JSON is a {@code malformed-json} problem. */
    static JsonNode body(RoutingContext ctx) {
        Buffer b = ctx.body() == null ? null : ctx.body().buffer();
        if (b == null || b.length() == 0) throw invalid("a JSON body is required");
        try {
            return Wire.MAPPER.readTree(b.getBytes());
        } catch (JsonProcessingException e) {
            String what = e.getOriginalMessage() == null ? "unreadable input" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new BadRequest(ProblemType.MALFORMED_JSON, "malformed JSON: " + what);
        } catch (java.io.IOException e) {
            throw new BadRequest(ProblemType.MALFORMED_JSON, "unreadable body");
        }
    }

    static void fail(RoutingContext ctx, Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) t = t.getCause();
        ObjectNode problem = switch (t) {
            case BadRequest b -> problem(b.type, b.getMessage());
            case QuireException q -> problem(type(q), q.getMessage());
            case MailStoreException m -> problem(type(m), m.getMessage());
            default -> {
                String id = UUID.randomUUID().toString().substring(0, 8);
                log.error("event=mail_api_failed errorId={} method={} path={}", id, ctx.request().method(), ctx.request().path(), t);
                yield problem(ProblemType.INTERNAL, "internal error (reference " + id + ")").put("errorId", id);
            }
        };
        HttpServerResponse r = ctx.response();
        if (r.ended() || r.closed()) return;
        if (problem.path("status").asInt() == 503) r.putHeader("Retry-After", "1");
        r.setStatusCode(problem.path("status").asInt()).putHeader("Content-Type", ProblemType.MEDIA_TYPE)
                .end(Buffer.buffer(Wire.bytes(problem)));
    }

    static ObjectNode problem(ProblemType type, String detail) {
        return Wire.object().put("type", type.uri()).put("title", type.title()).put("status", type.status()).put("detail", detail);
    }

    /** Exhaustive: a new kind of store failure does not compile until it has a status here. */
    private static ProblemType type(QuireException q) {
        return switch (q) {
            case QuireException.NotFound n -> ProblemType.NOT_FOUND;
            case QuireException.InvalidRequest i -> ProblemType.INVALID_REQUEST;
            case QuireException.PreconditionFailed p -> ProblemType.PRECONDITION_FAILED;
            case QuireException.SchemaViolation v -> ProblemType.SCHEMA_VIOLATION;
            case QuireException.InvalidSchema s -> ProblemType.INVALID_SCHEMA;
            case QuireException.AlreadyExists a -> ProblemType.ALREADY_EXISTS;
            case QuireException.Unavailable u -> ProblemType.UNAVAILABLE;
        };
    }

    private static ProblemType type(MailStoreException m) {
        return switch (m.kind()) {
            case NO_SUCH_MAILBOX, NO_SUCH_USER -> ProblemType.NOT_FOUND;
            case ALREADY_EXISTS -> ProblemType.ALREADY_EXISTS;
            case INVALID_NAME, NOT_ALLOWED -> ProblemType.INVALID_REQUEST;
            case QUOTA, UNAVAILABLE -> ProblemType.UNAVAILABLE;
        };
    }
}
