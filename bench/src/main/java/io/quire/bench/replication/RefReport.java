package io.quire.bench.replication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * What keeps history alive in a replica: each ref, and how many commits a walk from it reaches (a
 * walk stops at the shallow boundary only when it passes through it). A repack keeps everything any
 * ref reaches, so one ref left below the horizon keeps the history that pruning meant to drop.
 */
final class RefReport {
    private RefReport() {
    }

    /** One line per ref, e.g. {@code refs/remotes/b/main 1a2b3c4 reaches 2,280 commits}, then one per reflog file. */
    static List<String> of(FileRepository repo) throws IOException {
        List<String> out = new ArrayList<>();
        for (Ref r : repo.getRefDatabase().getRefs()) {
            ObjectId id = r.getObjectId();
            if (id == null) continue;
            out.add(r.getName() + " " + id.abbreviate(7).name() + " reaches " + MdTable.num(reach(repo, id), 0) + " commits");
        }
        Path logs = repo.getDirectory().toPath().resolve("logs");
        if (Files.isDirectory(logs)) {
            try (Stream<Path> s = Files.walk(logs)) {
                for (Path f : s.filter(Files::isRegularFile).toList())
                    out.add("reflog " + logs.relativize(f) + ": " + MdTable.num(Files.readAllLines(f).size(), 0) + " entries");
            }
        }
        return out;
    }

    private static int reach(FileRepository repo, ObjectId id) throws IOException {
        try (RevWalk rw = new RevWalk(repo)) {
            rw.markStart(rw.parseCommit(id));
            int n = 0;
            while (rw.next() != null) n++;
            return n;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
