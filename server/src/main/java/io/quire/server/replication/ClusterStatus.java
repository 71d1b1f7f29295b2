package io.quire.server.replication;

import io.quire.server.store.GitDatabase;
import io.quire.server.store.GitDatabases;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * What {@code GET /api/v1/cluster} shows: this node and, per peer, whether it is reachable, when we
 * last heard from it, the last error, and per database how far behind it is (in commits and in
 * milliseconds) with the reason when it stopped progressing.
 */
public record ClusterStatus(String node, List<PeerStatus> peers) {
    public record PeerStatus(String name, String url, String state, String lastContact, String lastError,
                             List<DatabaseLag> databases) {
    }

    public record DatabaseLag(String database, String head, String acknowledged, long lagCommits, long lagMillis, String stall) {
    }

    private static final long MAX_COUNT = 10_000;

    static ClusterStatus of(String self, List<Peer> peers, GitDatabases dbs, Collection<PeerLink> links,
                            Map<String, Long> contact, Map<String, String> errors, long now) {
        List<PeerStatus> out = new ArrayList<>();
        for (Peer p : peers) {
            List<DatabaseLag> lags = new ArrayList<>();
            for (GitDatabase db : dbs.all()) {
                PeerLink l = links.stream().filter(x -> x.db.equals(db.name()) && x.peer.equals(p)).findFirst().orElse(null);
                String acked = l == null ? "" : l.acked;
                long commits = behind(db, acked);
                long ms = commits == 0 || l == null || l.pendingSince == 0 ? 0 : Math.max(0, now - l.pendingSince);
                String stall = l != null && l.failures() > 0 ? "push failing (" + l.failures() + " attempts): " + l.lastError : "";
                lags.add(new DatabaseLag(db.name(), db.head(), acked, commits, ms, stall));
            }
            Long seen = contact.get(p.name());
            String error = errors.getOrDefault(p.name(), "");
            String state = error.isEmpty() && seen != null ? "up" : seen == null ? "unknown" : "down";
            out.add(new PeerStatus(p.name(), p.url().toString(), state, seen == null ? "" : Instant.ofEpochMilli(seen).toString(), error, lags));
        }
        return new ClusterStatus(self, out);
    }

    /** Commits in our head that the peer has not acknowledged (capped). */
    private static long behind(GitDatabase db, String acked) {
        String head = db.head();
        if (head.equals(acked)) return 0;
        try (RevWalk rw = new RevWalk(db.repository())) {
            rw.markStart(rw.parseCommit(ObjectId.fromString(head)));
            if (!acked.isEmpty() && db.repository().getObjectDatabase().has(ObjectId.fromString(acked)))
                rw.markUninteresting(rw.parseCommit(ObjectId.fromString(acked)));
            long n = 0;
            while (rw.next() != null && n < MAX_COUNT) n++;
            return n;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
