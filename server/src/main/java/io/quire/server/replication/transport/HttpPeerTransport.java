package io.quire.server.replication.transport;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.merge.document.DocumentCodec;
import io.quire.server.replication.Peer;
import io.quire.server.replication.PeerAuth;
import io.quire.server.replication.PeerTransport;
import io.quire.server.replication.Horizons;
import io.quire.server.store.GitDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.URIish;

/** Peer transport over HTTP: JGit's smart-HTTP client for data, java.net.http for the JSON calls. */
public final class HttpPeerTransport implements PeerTransport {
    private static final int TIMEOUT_SECONDS = 30;
    private final String self;
    private final PeerAuth auth;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HttpPeerTransport(String self, PeerAuth auth) {
        this.self = self;
        this.auth = auth;
    }

    private Transport open(Repository repo, Peer peer, String db) throws IOException {
        try {
            Transport t = Transport.open(repo, new URIish(peer.gitUrl(db)));
            t.setTimeout(TIMEOUT_SECONDS);
            t.setCheckFetchedObjects(true); // never accept a pack with missing ancestry (STACK.md)
            if (t instanceof TransportHttp th) th.setAdditionalHeaders(auth.headers(URI.create(peer.gitUrl(db)).getPath(), System.currentTimeMillis()));
            return t;
        } catch (URISyntaxException e) {
            throw new IOException("bad peer url " + peer.url(), e);
        }
    }

    /**
     * Runs a transfer under the read side of the database's objects lock (GitDatabase#objectsLock),
     * so no repack or prune deletes packs or rewrites the shallow file while the transfer reads or
     * checks objects. Bounded: a busy prune makes the link back off instead of waiting forever.
     */
    private static <T> T locked(GitDatabase db, IOCall<T> call) throws IOException {
        java.util.concurrent.locks.Lock lock = db.objectsLock().readLock();
        try {
            if (!lock.tryLock(10, java.util.concurrent.TimeUnit.SECONDS))
                throw new IOException("database " + db.name() + " is being compacted; will retry");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        try {
            return call.run();
        } finally {
            lock.unlock();
        }
    }

    private interface IOCall<T> {
        T run() throws IOException;
    }

    @Override
    public ObjectId push(GitDatabase db, Peer peer) throws IOException {
        return locked(db, () -> pushLocked(db, peer));
    }

    private ObjectId pushLocked(GitDatabase db, Peer peer) throws IOException {
        Repository repo = db.repository();
        String remoteRef = "refs/peers/" + self + "/main";
        try (Transport t = open(repo, peer, db.name())) {
            RemoteRefUpdate u = new RemoteRefUpdate(repo, "refs/heads/main", remoteRef, true, null, null);
            PushResult r = t.push(NullProgressMonitor.INSTANCE, List.of(u));
            RemoteRefUpdate done = r.getRemoteUpdate(remoteRef);
            return switch (done.getStatus()) {
                case OK, UP_TO_DATE -> done.getNewObjectId();
                default -> throw new IOException("push of " + db.name() + " to " + peer.name() + " refused: " + done.getStatus()
                        + (done.getMessage() == null ? "" : " (" + done.getMessage() + ")"));
            };
        } catch (TransportException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public ObjectId fetch(GitDatabase db, Peer peer) throws IOException {
        return locked(db, () -> fetchInto(db.repository(), db.name(), peer, "refs/remotes/" + peer.name() + "/main"));
    }

    @Override
    public void cloneInto(Repository empty, String db, Peer peer) throws IOException {
        if (fetchInto(empty, db, peer, "refs/heads/main") == null) throw new IOException(peer.name() + " has no main for " + db);
    }

    private ObjectId fetchInto(Repository repo, String db, Peer peer, String localRef) throws IOException {
        try (Transport probe = open(repo, peer, db)) {
            Horizons.adopt(repo, probe);
        } catch (TransportException e) {
            throw new IOException(e.getMessage(), e);
        }
        try (Transport t = open(repo, peer, db)) {
            FetchResult r = t.fetch(NullProgressMonitor.INSTANCE, List.of(new RefSpec("+refs/heads/main:" + localRef)));
            Ref main = r.getAdvertisedRef("refs/heads/main");
            return main == null ? null : main.getObjectId();
        } catch (TransportException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public Map<String, String> databases(Peer peer) throws IOException {
        JsonNode list = call(peer, "GET", "/cluster/v1/databases");
        Map<String, String> out = new TreeMap<>();
        list.path("databases").forEach(d -> out.put(d.path("name").asText(), d.path("head").asText()));
        return out;
    }

    @Override
    public void announce(Peer peer, String db) throws IOException {
        call(peer, "POST", "/cluster/v1/databases/" + db + "/announce");
    }

    private JsonNode call(Peer peer, String method, String path) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(peer.apiUrl(path))).timeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                .method(method, HttpRequest.BodyPublishers.noBody());
        auth.headers(path, System.currentTimeMillis()).forEach(b::header);
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 != 2) throw new IOException(peer.name() + " answered " + r.statusCode() + " to " + method + " " + path);
            return r.body().length == 0 ? DocumentCodec.MAPPER.createObjectNode() : DocumentCodec.MAPPER.readTree(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }
}
