package io.quire.bench.replication;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/**
 * The commits reachable from a head: group commits (and the writes they hold), merge commits, and
 * for the newest merges how many best common ancestors their two parents had. More than one means
 * a criss-cross history, which the store merges recursively into a virtual base before merging.
 *
 * @param mergesChecked     newest merges whose parents' merge bases were counted (at most {@link #CHECKED})
 * @param severalBases      of those, how many had more than one best common ancestor
 * @param maxBases          the most best common ancestors seen
 */
record History(int commits, int groupCommits, long writes, int merges, int mergesChecked, int severalBases, int maxBases) {
    static final int CHECKED = 200;
    private static final Pattern WRITES = Pattern.compile("^quire: (\\d+) writes?");

    static History of(Repository repo, String head) throws IOException {
        int commits = 0, groups = 0, merges = 0;
        long writes = 0;
        List<RevCommit> newestMerges = new ArrayList<>();
        try (RevWalk rw = new RevWalk(repo)) {
            rw.markStart(rw.parseCommit(ObjectId.fromString(head)));
            for (RevCommit c; (c = rw.next()) != null; ) {
                commits++;
                if (c.getParentCount() > 1) {
                    merges++;
                    if (newestMerges.size() < CHECKED) newestMerges.add(c);
                }
                Matcher m = WRITES.matcher(c.getFullMessage());
                if (m.find()) {
                    groups++;
                    writes += Long.parseLong(m.group(1));
                }
            }
        }
        int several = 0, max = 0;
        for (RevCommit m : newestMerges) {
            int n = bases(repo, m.getParent(0), m.getParent(1));
            if (n > 1) several++;
            max = Math.max(max, n);
        }
        return new History(commits, groups, writes, merges, newestMerges.size(), several, max);
    }

    private static int bases(Repository repo, ObjectId a, ObjectId b) throws IOException {
        try (RevWalk rw = new RevWalk(repo)) {
            rw.setRevFilter(RevFilter.MERGE_BASE);
            rw.markStart(rw.parseCommit(a));
            rw.markStart(rw.parseCommit(b));
            int n = 0;
            while (rw.next() != null) n++;
            return n;
        }
    }

    String writesPerCommit() {
        return MdTable.num(writes / (double) Math.max(1, groupCommits), 1);
    }

    /** e.g. {@code 150 of 200 (max 6)}. */
    String crissCross() {
        return severalBases + " of " + mergesChecked + " (max " + maxBases + ")";
    }
}
