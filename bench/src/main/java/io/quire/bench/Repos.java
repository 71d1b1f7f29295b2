package io.quire.bench;

import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.GC;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;

/** Facts about a database's repository that the benchmarks report: packs, commits, writes per commit. */
final class Repos {
    /** The committer's message is "quire: N write(s)"; it is how writes per commit are counted. */
    private static final Pattern WRITES = Pattern.compile("^quire: (\\d+) writes?");

    private Repos() {
    }

    static File packDir(Repository repo) {
        return new File(repo.getDirectory(), "objects/pack");
    }

    static List<File> packs(Repository repo) {
        File[] files = packDir(repo).listFiles((d, n) -> n.endsWith(".pack"));
        return files == null ? List.of() : List.of(files);
    }

    static int packCount(Repository repo) {
        return packs(repo).size();
    }

    static long packBytes(Repository repo) {
        long n = 0;
        for (File f : packs(repo)) n += f.length();
        return n;
    }

    /** Commits reachable from {@code to} but not from {@code from} (null: all). */
    static List<RevCommit> commitsBetween(Repository repo, String from, String to) throws IOException {
        try (RevWalk rw = new RevWalk(repo)) {
            rw.markStart(rw.parseCommit(ObjectId.fromString(to)));
            if (from != null && !from.isEmpty()) rw.markUninteresting(rw.parseCommit(ObjectId.fromString(from)));
            List<RevCommit> out = new ArrayList<>();
            for (RevCommit c : rw) out.add(c);
            return out;
        }
    }

    /** The number of single writes a group commit says it holds (0 for other commits). */
    static int writesIn(RevCommit c) {
        Matcher m = WRITES.matcher(c.getFullMessage());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /**
     * Repacks everything into one pack with JGit's gc at its defaults, which reuse the stored objects
     * as they are (a PackInserter writes whole objects, so nothing becomes a delta); returns seconds.
     */
    static double gc(FileRepository repo) throws Exception {
        long t0 = System.nanoTime();
        GC gc = new GC(repo);
        gc.setExpire(Instant.now());
        gc.gc().get();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Fetches {@code from}'s main into {@code into} as {@code refs/heads/<branch>}, as replication does. */
    static void fetchMain(Repository from, Repository into, String branch) throws Exception {
        Git.wrap(into).fetch()
                .setRemote(new URIish(from.getDirectory().toURI().toString()).toString())
                .setRefSpecs(new RefSpec("+refs/heads/main:refs/heads/" + branch))
                .call();
    }
}
