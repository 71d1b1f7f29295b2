package io.quire.server.http;

import io.vertx.ext.web.Router;

/**
 * Adds routes outside {@code /api/v1} to the server's root router, e.g. the Git transport
 * ({@code /git/{db}.git}) and peer calls ({@code /cluster/v1}). Such routes bring their own
 * authentication and read their own request bodies (no body is buffered for them); they are
 * mounted after the API and before the final 404/405 answer.
 */
@FunctionalInterface
public interface RouteContributor {
    void mount(Router root);
}
