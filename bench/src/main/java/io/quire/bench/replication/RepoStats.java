package io.quire.bench.replication;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.Pack;

/**
 * The size of one replica's repository: {@code du -sk} of its directory (what the disk holds) and
 * the sum of its file sizes, its packs and the objects in them, loose objects, and how many commits
 * its main reaches (a walk stops at a shallow boundary, so pruning shows here).
 */
record RepoStats(long duKib, long bytes, int packs, long packedObjects, long looseObjects, int commits, boolean shallow) {

    static RepoStats of(FileRepository repo, String head) throws IOException {
        Path dir = repo.getDirectory().toPath();
        long bytes;
        try (Stream<Path> s = Files.walk(dir)) {
            bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        long packed = 0;
        int packs = 0;
        for (Pack p : repo.getObjectDatabase().getPacks()) {
            packs++;
            packed += p.getIndex().getObjectCount();
        }
        long loose = 0;
        File[] fanout = repo.getObjectDatabase().getDirectory().listFiles(f -> f.isDirectory() && f.getName().matches("[0-9a-f]{2}"));
        if (fanout != null) for (File d : fanout) {
            String[] names = d.list();
            loose += names == null ? 0 : names.length;
        }
        boolean shallow = !repo.getObjectDatabase().getShallowCommits().isEmpty();
        return new RepoStats(du(dir), bytes, packs, packed, loose, commits(repo, head), shallow);
    }

    /** Commits reachable from the head; -1 when the walk hits a missing object (a damaged replica is measured too). */
    private static int commits(FileRepository repo, String head) {
        try {
            return History.of(repo, head).commits();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long du(Path dir) {
        try {
            Process p = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return Long.parseLong(out.trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
