package io.quire.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.sdk.DocumentId;
import io.quire.sdk.DatabaseName;
import io.quire.sdk.Revision;
import io.quire.sdk.remote.ProblemType;
import io.quire.sdk.remote.Wire;
import io.quire.server.http.error.ApiError;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and checks what a request carries: path parameters, query parameters, conditional headers
 * and JSON bodies. Every refusal is a 4xx problem naming the parameter, never a 500.
 */
final class Requests {
    static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern QUOTED_REV = Pattern.compile("\"([0-9a-f]{40})\"");

    private Requests() {
    }

    /** The {@code db} path parameter, checked against {@link DatabaseName}. */
    static String database(RoutingContext ctx) {
        return DatabaseName.require(ctx.pathParam("db"));
    }

    /** The {@code type} and {@code id} path parameters (already percent-decoded by Vert.x). */
    static DocumentId documentId(RoutingContext ctx) {
        String type = ctx.pathParam("type");
        String id = ctx.pathParam("id");
        String problem = DocumentId.problem(type, id);
        if (problem != null) throw ApiError.badRequest(problem);
        return new DocumentId(type, id);
    }

    static String type(RoutingContext ctx) {
        String type = ctx.pathParam("type");
        if (type == null || !DocumentId.TYPE.matcher(type).matches())
            throw ApiError.badRequest(DocumentId.problem(type, "x"));
        return type;
    }

    /** An integer query parameter in {@code [1, max]}, or {@code dflt} when absent. */
    static int limit(RoutingContext ctx, int dflt, int max) {
        return (int) longParam(ctx, "limit", dflt, 1, max);
    }

    static long longParam(RoutingContext ctx, String name, long dflt, long min, long max) {
        String v = ctx.queryParams().get(name);
        if (v == null || v.isEmpty()) return dflt;
        try {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below with the expected range
        }
        throw ApiError.badRequest(name + ": expected an integer from " + min + " to " + max + ", got \"" + shorten(v) + "\"");
    }

    /** A commit id query parameter: empty ("from the beginning") or 40 hex digits. */
    static String commit(String name, String value) {
        if (value == null || value.isEmpty()) return "";
        if (!COMMIT.matcher(value).matches())
            throw ApiError.badRequest(name + ": expected a commit id (40 hex digits), got \"" + shorten(value) + "\"");
        return value;
    }

    /** The {@code If-Match} header as a revision: absent, {@code *} ("any existing"), or one quoted revision. */
    static Optional<String> ifMatch(RoutingContext ctx) {
        String v = ctx.request().getHeader("If-Match");
        if (v == null) return Optional.empty();
        v = v.strip();
        if (v.equals("*")) return Optional.of("*");
        return Optional.of(revision("If-Match", v).value());
    }

    /** True for {@code If-None-Match: *} (create only); any other value is refused on writes. */
    static boolean ifNoneMatchAny(RoutingContext ctx) {
        String v = ctx.request().getHeader("If-None-Match");
        if (v == null) return false;
        if (v.strip().equals("*")) return true;
        throw ApiError.badRequest("If-None-Match: only * (create only) is supported on writes");
    }

    static Revision revision(String header, String value) {
        var m = QUOTED_REV.matcher(value);
        if (m.matches()) return new Revision(m.group(1));
        if (COMMIT.matcher(value).matches()) return new Revision(value);
        throw ApiError.badRequest(header + ": expected one quoted revision like \"<40 hex digits>\", got " + shorten(value));
    }

    /**
     * The body parsed as JSON. Needs a JSON media type ({@code application/json} or any
     * {@code +json} type); call it off the event loop, since bodies may be megabytes.
     */
    static JsonNode json(RoutingContext ctx) throws com.fasterxml.jackson.core.JsonProcessingException {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) throw ApiError.badRequest("a JSON body is required");
        requireJsonMediaType(ctx);
        try {
            return Wire.MAPPER.readTree(body.getBytes());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw ApiError.badRequest("unreadable body: " + e.getMessage());
        }
    }

    static void requireJsonMediaType(RoutingContext ctx) {
        String mt = mediaType(ctx);
        if (!(mt.equals("application/json") || mt.endsWith("+json")))
            throw ApiError.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "expected Content-Type application/json, got " + (mt.isEmpty() ? "none" : shorten(mt)));
    }

    /** The request's media type without parameters, lower-cased; empty when absent. */
    static String mediaType(RoutingContext ctx) {
        String ct = ctx.request().getHeader("Content-Type");
        if (ct == null) return "";
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    static String shorten(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
