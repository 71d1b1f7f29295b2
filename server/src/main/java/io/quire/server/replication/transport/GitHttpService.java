package io.quire.server.replication.transport;

import io.quire.sdk.DatabaseName;
import io.quire.server.replication.PeerAuth;
import io.quire.server.store.GitDatabase;
import io.quire.server.store.GitDatabases;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser.PacketLineOutRefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Git smart HTTP at {@code /git/{db}.git}: JGit's UploadPack and ReceivePack behind Quire's
 * authentication, so replicas can be cloned, audited and backed up with stock git, and peers push
 * and fetch with the same protocol. Readers: the admin (Bearer, or Basic with the token as password,
 * which is what git sends) and peers. Writers: peers only, and only to {@code refs/peers/<self>/main}
 * — never straight onto main (ARCHITECTURE.md §3).
 */
public final class GitHttpService {
    private static final Logger log = LoggerFactory.getLogger(GitHttpService.class);
    private static final long MAX_BODY = 2L << 30;
    static final long MAINTENANCE_WAIT_SECONDS = 10;

    /** Told about each peer head received by a push. */
    public interface PushListener {
        void onPeerPush(GitDatabase db, String peer, org.eclipse.jgit.lib.ObjectId head);
    }

    private final Vertx vertx;
    private final GitDatabases dbs;
    private final String adminToken;
    private final Optional<PeerAuth> peers;
    private final Set<String> peerNames;
    private final PushListener listener;

    public GitHttpService(Vertx vertx, GitDatabases dbs, String adminToken, Optional<PeerAuth> peers, Set<String> peerNames,
                          PushListener listener) {
        this.vertx = vertx;
        this.dbs = dbs;
        this.adminToken = adminToken;
        this.peers = peers;
        this.peerNames = Set.copyOf(peerNames);
        this.listener = listener;
    }

    public void mount(Router router) {
        router.get("/git/:repo/info/refs").handler(this::infoRefs);
        router.post("/git/:repo/git-upload-pack").handler(rc -> service(rc, false));
        router.post("/git/:repo/git-receive-pack").handler(rc -> service(rc, true));
    }

    /** Who is calling: a peer name, "admin", or empty when unauthenticated. */
    Optional<String> caller(HttpServerRequest req) {
        if (peers.isPresent() && req.getHeader(PeerAuth.NODE) != null) {
            return peers.get().verify(req.getHeader(PeerAuth.NODE), req.getHeader(PeerAuth.TIME), req.getHeader(PeerAuth.SIGNATURE),
                    req.path(), System.currentTimeMillis()).filter(peerNames::contains);
        }
        String auth = req.getHeader("Authorization");
        if (auth == null) return Optional.empty();
        String token = null;
        if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) token = auth.substring(7).trim();
        else if (auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String up = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = up.indexOf(':');
                token = colon < 0 ? null : up.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), adminToken.getBytes(StandardCharsets.UTF_8)))
            return Optional.empty();
        return Optional.of("admin");
    }

    private GitDatabase authorize(RoutingContext rc, boolean write, Optional<String>[] who) {
        HttpServerRequest req = rc.request();
        Optional<String> c = caller(req);
        if (c.isEmpty()) {
            rc.response().setStatusCode(401).putHeader("WWW-Authenticate", "Basic realm=\"quire\", charset=\"UTF-8\"")
                    .putHeader("Content-Type", "text/plain").end("authentication required: use the admin token as password\n");
            return null;
        }
        if (write && c.get().equals("admin")) {
            rc.response().setStatusCode(403).putHeader("Content-Type", "text/plain")
                    .end("replicas are written by their own node and its peers, not by git push\n");
            return null;
        }
        String repo = rc.pathParam("repo");
        String name = repo != null && repo.endsWith(".git") ? repo.substring(0, repo.length() - 4) : repo;
        GitDatabase db = DatabaseName.problem(name) == null ? dbs.get(name) : null;
        if (db == null) {
            rc.response().setStatusCode(404).putHeader("Content-Type", "text/plain").end("no such database\n");
            return null;
        }
        who[0] = c;
        return db;
    }

    private void infoRefs(RoutingContext rc) {
        String service = rc.request().getParam("service");
        boolean receive = "git-receive-pack".equals(service);
        if (!receive && !"git-upload-pack".equals(service)) {
            rc.response().setStatusCode(403).putHeader("Content-Type", "text/plain").end("only smart HTTP is served\n");
            return;
        }
        @SuppressWarnings("unchecked") Optional<String>[] who = new Optional[1];
        GitDatabase db = authorize(rc, receive, who);
        if (db == null) return;
        HttpServerResponse resp = rc.response();
        resp.putHeader("Content-Type", "application/x-" + service + "-advertisement").putHeader("Cache-Control", "no-cache").setChunked(true);
        Set<ObjectId> boundaries = receive ? Set.of() : boundariesFor(rc.request(), db);
        String protocol = boundaries.isEmpty() ? rc.request().getHeader("Git-Protocol") : null;
        run(rc, db, null, resp, out -> {
            PacketLineOut pck = new PacketLineOut(out);
            PacketLineOutRefAdvertiser adv = boundaries.isEmpty() ? new PacketLineOutRefAdvertiser(pck) : new ShallowAdvertiser(pck, boundaries);
            if (receive) {
                pck.writeString("# service=" + service + "\n");
                pck.end();
                ReceivePack rp = receivePack(db, who[0].get());
                rp.sendAdvertisedRefs(adv);
            } else {
                UploadPack up = uploadPack(db, protocol);
                up.sendAdvertisedRefs(adv, service);
            }
        });
    }

    private void service(RoutingContext rc, boolean receive) {
        @SuppressWarnings("unchecked") Optional<String>[] who = new Optional[1];
        GitDatabase db = authorize(rc, receive, who);
        if (db == null) return;
        HttpServerRequest req = rc.request();
        String service = receive ? "git-receive-pack" : "git-upload-pack";
        RequestInputStream body = new RequestInputStream(req, vertx.getOrCreateContext(), MAX_BODY);
        HttpServerResponse resp = rc.response();
        resp.putHeader("Content-Type", "application/x-" + service + "-result").putHeader("Cache-Control", "no-cache").setChunked(true);
        String protocol = !receive && !boundariesFor(req, db).isEmpty() ? null : req.getHeader("Git-Protocol"); // as advertised
        boolean gzip = "gzip".equalsIgnoreCase(req.getHeader("Content-Encoding"));
        run(rc, db, body, resp, out -> {
            InputStream in = gzip ? new GZIPInputStream(body) : body;
            if (receive) receivePack(db, who[0].get()).receive(in, out, null);
            else uploadPack(db, protocol).upload(in, out, null);
        });
    }

    /**
     * The shallow boundaries to advertise to this client: a pruned replica's, to stock git only.
     * JGit's server never advertises them, so stock git could not clone a pruned replica ("did not
     * receive expected object", STACK.md). Git's own upload-pack sends them as {@code shallow} lines
     * after the refs, which only protocol v0 has room for, and git then clones into a shallow
     * repository. JGit's client (our peers) rejects such lines, and takes the boundaries from the
     * published refs instead ({@code Horizons}).
     */
    private static Set<ObjectId> boundariesFor(HttpServerRequest req, GitDatabase db) {
        String agent = req.getHeader("User-Agent");
        if (agent == null || !agent.startsWith("git/")) return Set.of();
        try {
            Set<ObjectId> out = new java.util.TreeSet<>();
            for (ObjectId s : db.repository().getObjectDatabase().getShallowCommits())
                if (db.repository().getObjectDatabase().has(s)) out.add(s.copy());
            return out;
        } catch (java.io.IOException e) {
            return Set.of();
        }
    }

    /** A v0 advertisement followed by {@code shallow <id>} lines, as git's upload-pack writes them. */
    private static final class ShallowAdvertiser extends PacketLineOutRefAdvertiser {
        private final PacketLineOut pck;
        private final Set<ObjectId> boundaries;

        ShallowAdvertiser(PacketLineOut pck, Set<ObjectId> boundaries) {
            super(pck);
            this.pck = pck;
            this.boundaries = boundaries;
        }

        @Override
        public void end() throws java.io.IOException {
            for (ObjectId b : boundaries) pck.writeString("shallow " + b.name() + "\n");
            super.end();
        }
    }

    private UploadPack uploadPack(GitDatabase db, String protocol) {
        UploadPack up = new UploadPack(db.repository());
        up.setBiDirectionalPipe(false);
        if (protocol != null) up.setExtraParameters(List.of(protocol.split(":")));
        return up;
    }

    private ReceivePack receivePack(GitDatabase db, String peer) {
        ReceivePack rp = new ReceivePack(db.repository());
        rp.setBiDirectionalPipe(false);
        rp.setCheckReceivedObjects(true); // a push whose ancestry is missing must not corrupt the repository (STACK.md)
        rp.setAllowDeletes(false);
        rp.setAllowNonFastForwards(true); // a peer ref may be rewritten after the peer merged across a pruned horizon
        rp.setAtomic(true);
        String allowed = "refs/peers/" + peer + "/main";
        rp.setPreReceiveHook((pack, cmds) -> {
            for (ReceiveCommand c : cmds)
                if (!c.getRefName().equals(allowed))
                    c.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "peers may only push " + allowed);
        });
        rp.setPostReceiveHook((pack, cmds) -> {
            for (ReceiveCommand c : cmds)
                if (c.getResult() == ReceiveCommand.Result.OK) listener.onPeerPush(db, peer, c.getNewId());
        });
        return rp;
    }

    @FunctionalInterface
    private interface GitWork {
        void run(OutputStream out) throws Exception;
    }

    /**
     * Runs upload-pack or receive-pack on a worker under the read side of the database's objects
     * lock ({@link GitDatabase#objectsLock()}): a repack must not delete a pack while a push is
     * between its connectivity check and its ref update, nor while a fetch is reading the objects
     * it advertised. The post-receive hook only queues the integration, so nothing here waits for
     * the writer thread while holding the lock. While a repack runs (bounded, see Maintenance) the
     * request waits up to {@link #MAINTENANCE_WAIT_SECONDS}, then gets 503 and the peer retries:
     * worker threads do not pile up behind a long prune.
     */
    private void run(RoutingContext rc, GitDatabase db, InputStream body, HttpServerResponse resp, GitWork work) {
        Context ctx = vertx.getOrCreateContext();
        ResponseOutputStream out = new ResponseOutputStream(resp, ctx);
        vertx.executeBlocking(() -> {
            java.util.concurrent.locks.Lock shared = db.objectsLock().readLock();
            if (!shared.tryLock(MAINTENANCE_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                log.info("event=git_request_deferred db={} path={} reason=repack_running", db.name(), rc.request().path());
                ctx.runOnContext(v -> {
                    if (!resp.headWritten()) resp.setStatusCode(503).putHeader("Retry-After", "5").setChunked(false)
                            .end("repository maintenance in progress, retry shortly\n");
                });
                return null;
            }
            try {
                work.run(out);
                out.close();
            } catch (Exception e) {
                log.warn("event=git_request_failed path={} error={}", rc.request().path(), e.toString());
                ctx.runOnContext(v -> {
                    if (!resp.headWritten()) resp.setStatusCode(500).setChunked(false).end("git request failed\n");
                    else if (!resp.ended()) resp.reset();
                });
            } finally {
                shared.unlock();
            }
            return null;
        }, false);
    }
}
