package io.quire.server.http;

import io.quire.sdk.remote.ProblemType;
import io.quire.server.http.error.Problem;
import io.quire.server.http.error.ProblemResponder;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Registers the core routes and remembers their paths and methods, so that a request no route took
 * gets the right answer: 405 with an {@code Allow} header when the path exists under another method
 * (RFC 9110 §15.5.6), else 404. Vert.x Web works this out itself only when no sub-router (the apps'
 * router at {@code /api/v1}) sits between the core routes and the end of the chain.
 */
final class RouteTable {
    private record Entry(Pattern path, HttpMethod method) {
    }

    private final Router router;
    private final List<Entry> entries = new ArrayList<>();

    RouteTable(Router router) {
        this.router = router;
    }

    void add(HttpMethod method, String path, Handler<RoutingContext> handler) {
        router.route(method, path).handler(handler);
        entries.add(new Entry(Pattern.compile(path.replaceAll(":[A-Za-z]+", "[^/]+")), method));
    }

    void get(String path, Handler<RoutingContext> handler) {
        add(HttpMethod.GET, path, handler);
    }

    void put(String path, Handler<RoutingContext> handler) {
        add(HttpMethod.PUT, path, handler);
    }

    void post(String path, Handler<RoutingContext> handler) {
        add(HttpMethod.POST, path, handler);
    }

    void delete(String path, Handler<RoutingContext> handler) {
        add(HttpMethod.DELETE, path, handler);
    }

    /** The last handler of the chain: 405 or 404 for requests nothing else took. */
    void unmatched(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        TreeSet<String> allowed = new TreeSet<>();
        for (Entry e : entries) if (e.path().matcher(path).matches()) allowed.add(e.method().name());
        if (allowed.isEmpty()) {
            ProblemResponder.send(ctx, new Problem(ProblemType.NOT_FOUND, "no such resource: " + path));
            return;
        }
        ctx.response().putHeader("Allow", String.join(", ", allowed));
        ProblemResponder.send(ctx, new Problem(ProblemType.METHOD_NOT_ALLOWED,
                ctx.request().method().name() + " is not allowed here; allowed: " + String.join(", ", allowed)));
    }
}
