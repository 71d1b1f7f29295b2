package io.quire.server.store;

import io.quire.server.store.merge.Grafts;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * A repository's {@link Grafts}, kept in {@code quire-grafts} beside the {@code shallow} file: one
 * line per grafted commit, {@code <commit> <parent>...}. Written by a prune before it adds the
 * boundaries (so a crash in between leaves grafts on commits that still have their parents, which
 * only shortens walks), replaced whole at the next prune. Read through a cache checked against
 * the file's modification time and size, since every merge asks for it.
 */
public final class GraftsFile {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GraftsFile.class);
    static final String NAME = "quire-grafts";
    private record Cached(FileTime modified, long size, Grafts grafts) {
    }

    private static final Map<Path, Cached> CACHE = new ConcurrentHashMap<>();

    private GraftsFile() {
    }

    private static Path path(Repository repo) {
        return repo.getDirectory().toPath().resolve(NAME);
    }

    /** The repository's grafts ({@link Grafts#NONE} when it was never pruned across several writers). */
    public static Grafts read(Repository repo) throws IOException {
        Path p = path(repo);
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(p);
            size = Files.size(p);
        } catch (NoSuchFileException e) {
            CACHE.remove(p);
            return Grafts.NONE;
        }
        Cached c = CACHE.get(p);
        if (c != null && c.modified().equals(modified) && c.size() == size) return c.grafts();
        Map<ObjectId, List<ObjectId>> parents = new LinkedHashMap<>();
        Grafts g;
        try {
            for (String line : Files.readAllLines(p, StandardCharsets.ISO_8859_1)) {
                String[] f = line.trim().split(" ");
                if (f.length < 2) continue;
                List<ObjectId> ps = new ArrayList<>();
                for (int i = 1; i < f.length; i++) ps.add(ObjectId.fromString(f[i]));
                parents.put(ObjectId.fromString(f[0]), ps);
            }
            g = new Grafts(parents);
        } catch (IllegalArgumentException damaged) {
            // Only a hand edit or a disk fault makes it unreadable (it is replaced atomically). Without
            // grafts, merges still work, their bases across the cut are only less exact; the next
            // prune writes a new file.
            log.warn("event=grafts_unreadable file={} error={} action=ignored_until_next_prune", p, damaged.getMessage());
            g = Grafts.NONE;
        }
        CACHE.put(p, new Cached(modified, size, g));
        return g;
    }

    /** Replaces the grafts durably (temporary file, fsync, rename, directory fsync); none removes the file. */
    public static void write(Repository repo, Grafts grafts) throws IOException {
        Path p = path(repo);
        CACHE.remove(p);
        if (grafts.isEmpty()) {
            Files.deleteIfExists(p);
            return;
        }
        StringBuilder sb = new StringBuilder();
        grafts.entries().forEach((c, ps) -> {
            sb.append(c.name());
            for (ObjectId q : ps) sb.append(' ').append(q.name());
            sb.append('\n');
        });
        Path tmp = p.resolveSibling(NAME + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.US_ASCII)));
            ch.force(true);
        }
        try {
            Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel dir = FileChannel.open(p.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
