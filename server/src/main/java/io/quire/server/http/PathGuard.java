package io.quire.server.http;

import io.quire.server.http.error.ApiError;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Refuses request paths with dot segments ({@code .}, {@code ..}, also percent-encoded) before
 * routing. Vert.x would otherwise resolve them (RFC 3986 §5.2.4) and a request for
 * {@code /db/a/docs/t/../../../b} would silently reach another resource; a client asking that is
 * confused or probing, and is better told so.
 */
final class PathGuard implements Handler<RoutingContext> {
    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path != null) {
            for (String segment : path.split("/", -1)) {
                String s = segment.indexOf('%') < 0 ? segment : decode(segment);
                if (s.equals(".") || s.equals(".."))
                    throw ApiError.badRequest("dot segments ('.', '..') are not allowed in request paths");
            }
        }
        ctx.next();
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("malformed percent-encoding in the request path");
        }
    }
}
