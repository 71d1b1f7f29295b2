package io.quire.server.replication;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.document.DocumentCodec;
import io.quire.sdk.DatabaseName;
import io.quire.server.store.GitDatabase;
import io.quire.server.store.GitDatabases;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Peer-to-peer calls under {@code /cluster/v1}, authenticated with the cluster secret
 * ({@link PeerAuth}); anything else gets 401 and changes nothing.
 */
public final class ClusterRoutes {
    private final PeerAuth auth;
    private final Set<String> peerNames;
    private final GitDatabases dbs;
    private final Replicator replicator;

    public ClusterRoutes(PeerAuth auth, Set<String> peerNames, GitDatabases dbs, Replicator replicator) {
        this.auth = auth;
        this.peerNames = Set.copyOf(peerNames);
        this.dbs = dbs;
        this.replicator = replicator;
    }

    public void mount(Router router) {
        router.get("/cluster/v1/databases").handler(this::databases);
        router.post("/cluster/v1/databases/:db/announce").handler(this::announce);
    }

    private Optional<String> peer(RoutingContext rc) {
        HttpServerRequest r = rc.request();
        Optional<String> p = auth.verify(r.getHeader(PeerAuth.NODE), r.getHeader(PeerAuth.TIME), r.getHeader(PeerAuth.SIGNATURE),
                r.path(), System.currentTimeMillis()).filter(peerNames::contains);
        if (p.isEmpty()) {
            rc.response().setStatusCode(401).putHeader("Content-Type", "application/problem+json")
                    .end("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"peer authentication failed\"}");
        }
        return p;
    }

    private void databases(RoutingContext rc) {
        if (peer(rc).isEmpty()) return;
        ObjectNode out = DocumentCodec.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("databases");
        for (GitDatabase db : dbs.all()) list.addObject().put("name", db.name()).put("head", db.head());
        rc.response().putHeader("Content-Type", "application/json").end(new String(DocumentCodec.canonical(out), StandardCharsets.UTF_8));
    }

    private void announce(RoutingContext rc) {
        Optional<String> p = peer(rc);
        if (p.isEmpty()) return;
        String db = rc.pathParam("db");
        if (DatabaseName.problem(db) != null) {
            rc.response().setStatusCode(400).end();
            return;
        }
        replicator.onAnnounce(p.get(), db);
        rc.response().setStatusCode(202).end();
    }
}
