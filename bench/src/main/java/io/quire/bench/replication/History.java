package io.quire.bench.replication;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/** The commits reachable from a head: group commits (and the writes they hold) and merge commits. */
record History(int commits, int groupCommits, long writes, int merges) {
    private static final Pattern WRITES = Pattern.compile("^quire: (\\d+) writes?");

    static History of(Repository repo, String head) throws IOException {
        int commits = 0, groups = 0, merges = 0;
        long writes = 0;
        try (RevWalk rw = new RevWalk(repo)) {
            rw.markStart(rw.parseCommit(ObjectId.fromString(head)));
            for (RevCommit c; (c = rw.next()) != null; ) {
                commits++;
                if (c.getParentCount() > 1) merges++;
                Matcher m = WRITES.matcher(c.getFullMessage());
                if (m.find()) {
                    groups++;
                    writes += Long.parseLong(m.group(1));
                }
            }
        }
        return new History(commits, groups, writes, merges);
    }

    String writesPerCommit() {
        return MdTable.num(writes / (double) Math.max(1, groupCommits), 1);
    }
}
