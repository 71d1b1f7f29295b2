package io.quire.server.http;

import io.quire.sdk.remote.ProblemType;
import io.quire.server.http.error.Problem;
import io.quire.server.http.error.ProblemResponder;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Lets a request through only with {@code Authorization: Bearer <admin token>} (RFC 6750 §2.1).
 * Compares SHA-256 digests with {@link MessageDigest#isEqual}, so neither the time taken nor an early
 * exit on length reveals how much of a guess was right.
 */
final class BearerAuth implements Handler<RoutingContext> {
    private final byte[] expected;

    BearerAuth(String token) {
        this.expected = sha256(token);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String h = ctx.request().getHeader("Authorization");
        String scheme = "Bearer ";
        if (h != null && h.length() > scheme.length() && h.regionMatches(true, 0, scheme, 0, scheme.length())
                && MessageDigest.isEqual(expected, sha256(h.substring(scheme.length()).strip()))) {
            ctx.next();
            return;
        }
        ProblemResponder.send(ctx, new Problem(ProblemType.UNAUTHORIZED,
                h == null ? "this call needs Authorization: Bearer <admin token>" : "the bearer token is not valid"));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
