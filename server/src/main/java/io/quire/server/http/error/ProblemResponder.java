package io.quire.server.http.error;

import io.quire.sdk.remote.ProblemType;
import io.quire.sdk.remote.Wire;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes problems to HTTP responses, and logs the unexpected ones with their error id. */
public final class ProblemResponder {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponder.class);

    private ProblemResponder() {
    }

    public static void fail(RoutingContext ctx, Throwable failure) {
        Problem p = ProblemMapper.map(failure);
        if (p.type() == ProblemType.INTERNAL)
            LOG.error("event=request_failed errorId={} method={} path={}", p.extensions().path("errorId").asText(),
                    ctx.request().method(), ctx.request().path(), failure);
        send(ctx, p);
    }

    public static void send(RoutingContext ctx, Problem p) {
        HttpServerResponse r = ctx.response();
        if (r.ended() || r.closed()) return;
        if (r.headWritten()) {
            // an event stream already under way cannot change its status: end it instead
            r.end();
            return;
        }
        r.setStatusCode(p.status()).putHeader("Content-Type", ProblemType.MEDIA_TYPE);
        r.headers().remove("ETag");
        if (p.type() == ProblemType.UNAUTHORIZED) r.putHeader("WWW-Authenticate", "Bearer realm=\"quire\"");
        if (p.type() == ProblemType.UNAVAILABLE) r.putHeader("Retry-After", "1");
        r.end(Buffer.buffer(Wire.bytes(p.toJson())));
    }
}
