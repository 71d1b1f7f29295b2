package io.quire.mail.store;

import io.quire.server.store.GitDatabase;
import io.quire.server.store.GitDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;

/**
 * N replicas of one user's mail database, each a {@link GitDatabases} in its own directory, joined
 * by nothing but {@link #pull}: a real Git fetch of one replica's main into another's repository
 * (through {@link Transport}, not FetchCommand, which may start a background gc) and
 * {@link GitDatabase#integrate}. Nothing runs unless the test says so: repairs are off until
 * {@link #repair} (so a test can look at a merge before its repair).
 */
final class Replicas implements AutoCloseable {
    static final String USER = "alice@example.org";
    final Path root;
    final GitDatabases[] nodes;
    final GitDatabase[] dbs;
    final DatabaseUserMail[] mails;

    Replicas(int n) {
        this(n, List.of());
    }

    /** N replicas that start from one history holding the default mailboxes and {@code mailboxes}. */
    Replicas(int n, List<String> mailboxes) {
        root = TempDirs.create("quire-replicas");
        nodes = new GitDatabases[n];
        dbs = new GitDatabase[n];
        mails = new DatabaseUserMail[n];
        String name = MailSchema.databaseName(USER);
        nodes[0] = new GitDatabases(root.resolve("n0"), "n0");
        dbs[0] = nodes[0].create(name, MailSchema.text());
        mails[0] = open(0);
        mails[0].ensureDefaults();
        for (String m : mailboxes) mails[0].create(m, java.util.Optional.empty());
        for (int i = 1; i < n; i++) {
            nodes[i] = new GitDatabases(root.resolve("n" + i), "n" + i);
            dbs[i] = nodes[i].adoptReplica(name, repo -> fetch(repo, dbs[0], "+refs/heads/main:refs/heads/main"));
            mails[i] = open(i);
        }
    }

    private DatabaseUserMail open(int i) {
        return new DatabaseUserMail(dbs[i], USER, MailOptions.defaults().withAutoRepair(false).withNode("n" + i)
                .withBackground(Runnable::run));
    }

    int size() {
        return mails.length;
    }

    DatabaseUserMail mail(int i) {
        return mails[i];
    }

    /** Fetches {@code from}'s main into {@code into} and integrates it; the index follows, repairs do not run. */
    void pull(int into, int from) {
        if (into == from) return;
        Repository repo = dbs[into].repository();
        String ref = "refs/remotes/n" + from + "/main";
        fetch(repo, dbs[from], "+refs/heads/main:" + ref);
        try {
            Ref r = repo.exactRef(ref);
            String checkpoint = "refs/common/n" + from; // what the replicator records (ARCHITECTURE.md §3): pruning needs it
            ObjectId base = repo.exactRef(checkpoint) == null ? null : repo.exactRef(checkpoint).getObjectId();
            if (dbs[into].integrateWith(r.getObjectId(), base).containsOther()) {
                org.eclipse.jgit.lib.RefUpdate u = repo.updateRef(checkpoint);
                u.setNewObjectId(r.getObjectId());
                u.setForceUpdate(true);
                u.update();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mails[into].refresh();
    }

    /** Runs repairs on one replica until it has nothing left to write. */
    void repair(int i) {
        for (int k = 0; k < 10 && mails[i].repair(); k++) {
            mails[i].refresh();
        }
    }

    /** Pulls every replica from every other, repairing, until all heads are equal (or gives up). */
    boolean settle(int maxRounds) {
        for (int round = 0; round < maxRounds; round++) {
            for (int i = 0; i < size(); i++) {
                for (int j = 0; j < size(); j++) pull(i, j);
                repair(i);
            }
            if (converged()) return true;
        }
        return converged();
    }

    boolean converged() {
        String h = dbs[0].head();
        for (GitDatabase d : dbs) if (!d.head().equals(h)) return false;
        return true;
    }

    List<String> heads() {
        return java.util.Arrays.stream(dbs).map(GitDatabase::head).toList();
    }

    /** Prunes replica {@code i} below its horizon once anything lies there; whether it pruned. */
    boolean prune(int i) {
        java.util.Set<String> peers = new java.util.HashSet<>();
        for (int j = 0; j < size(); j++) if (j != i) peers.add("n" + j);
        boolean pruned = io.quire.server.prune.Maintenance.run(dbs[i], peers, false, 1).prunedAt() != null;
        mails[i].refresh();
        return pruned;
    }

    private static void fetch(Repository into, GitDatabase from, String spec) {
        URIish uri;
        try {
            uri = new URIish(from.repository().getDirectory().toURI().toString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Transport probe = Transport.open(into, uri)) {
            io.quire.server.replication.Horizons.adopt(into, probe); // as the replicator does before fetching from a pruned peer
        } catch (IOException e) {
            throw new IllegalStateException("fetch failed: " + e, e);
        }
        try (Transport t = Transport.open(into, uri)) {
            t.fetch(NullProgressMonitor.INSTANCE, List.of(new RefSpec(spec)));
        } catch (IOException e) {
            throw new IllegalStateException("fetch failed: " + e, e);
        }
    }

    static ObjectId id(String hex) {
        return ObjectId.fromString(hex);
    }

    @Override
    public void close() {
        for (DatabaseUserMail m : mails) if (m != null) m.close();
        for (GitDatabases n : nodes) if (n != null) n.close();
        TempDirs.delete(root);
    }
}
