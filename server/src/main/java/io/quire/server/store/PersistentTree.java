package io.quire.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * An immutable, lazily loaded mirror of a Git tree. Changing it copies only the directories on the
 * changed paths ({@link #with}); writing it serialises only those directories ({@link #write}),
 * because unchanged directories keep the id they were loaded with. This is what lets a commit cost
 * follow the size of the change, not of the database (STACK.md: don't use DirCache for writes).
 *
 * <p>Thread-safe: readers share snapshots; lazy loading is idempotent.
 */
public final class PersistentTree {
    /** Marks a path to delete in {@link #with}. */
    public static final ObjectId DELETE = ObjectId.zeroId();

    private static final Comparator<String> NAMES = Comparator.naturalOrder();

    private final Supplier<ObjectReader> readers;
    private final ObjectId id; // null while not yet written
    private volatile Entries entries; // null until loaded

    /** Children sorted by name; values are ObjectId (a blob) or PersistentTree (a directory). */
    private record Entries(String[] names, Object[] values) {
        int find(String name) {
            return Arrays.binarySearch(names, name, NAMES);
        }
    }

    private PersistentTree(Supplier<ObjectReader> readers, ObjectId id, Entries entries) {
        this.readers = readers;
        this.id = id;
        this.entries = entries;
    }

    public static PersistentTree empty(Repository repo) {
        return empty(repo::newObjectReader);
    }

    public static PersistentTree empty(Supplier<ObjectReader> readers) {
        return new PersistentTree(readers, null, new Entries(new String[0], new Object[0]));
    }

    public static PersistentTree load(Repository repo, ObjectId treeId) {
        return load(repo::newObjectReader, treeId);
    }

    /**
     * A tree read through {@code readers}: pass {@code inserter::newReader} to see objects an
     * inserter has not flushed yet (virtual merge bases live only there).
     */
    public static PersistentTree load(Supplier<ObjectReader> readers, ObjectId treeId) {
        return treeId == null ? empty(readers) : new PersistentTree(readers, treeId, null);
    }

    /** The tree id, or null when this tree has changes not yet written. */
    public ObjectId id() {
        return id;
    }

    private Entries entries() {
        Entries e = entries;
        if (e == null) {
            e = read();
            entries = e;
        }
        return e;
    }

    private Entries read() {
        try (ObjectReader reader = readers.get()) {
            CanonicalTreeParser p = new CanonicalTreeParser(null, reader, id);
            List<String> names = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (; !p.eof(); p.next()) {
                names.add(p.getEntryPathString());
                ObjectId child = p.getEntryObjectId();
                values.add(p.getEntryFileMode() == FileMode.TREE ? new PersistentTree(readers, child, null) : child);
            }
            // Git orders trees as if their names ended in '/'; we keep plain name order for lookup.
            String[] n = names.toArray(String[]::new);
            Object[] v = values.toArray();
            sortTogether(n, v);
            return new Entries(n, v);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tree " + id.name(), e);
        }
    }

    private static void sortTogether(String[] names, Object[] values) {
        Integer[] idx = new Integer[names.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> NAMES.compare(names[a], names[b]));
        String[] n = names.clone();
        Object[] v = values.clone();
        for (int i = 0; i < idx.length; i++) {
            names[i] = n[idx[i]];
            values[i] = v[idx[i]];
        }
    }

    /** The blob at a '/'-separated path, or null. */
    public ObjectId blob(String path) {
        Object o = lookup(path);
        return o instanceof ObjectId oid ? oid : null;
    }

    /** The directory at a path, or null. */
    public PersistentTree dir(String path) {
        if (path.isEmpty()) return this;
        Object o = lookup(path);
        return o instanceof PersistentTree t ? t : null;
    }

    private Object lookup(String path) {
        PersistentTree t = this;
        int start = 0;
        while (true) {
            int slash = path.indexOf('/', start);
            String seg = slash < 0 ? path.substring(start) : path.substring(start, slash);
            Entries e = t.entries();
            int i = e.find(seg);
            if (i < 0) return null;
            Object v = e.values[i];
            if (slash < 0) return v;
            if (!(v instanceof PersistentTree sub)) return null;
            t = sub;
            start = slash + 1;
        }
    }

    /** Child names in order. */
    public List<String> names() {
        return List.of(entries().names);
    }

    /** Visits the blob entries of this directory (not recursive) in name order from {@code after} (exclusive, may be null). */
    public void forEachBlob(String after, BiConsumer<String, ObjectId> visitor) {
        Entries e = entries();
        int from = 0;
        if (after != null) {
            int i = e.find(after);
            from = i >= 0 ? i + 1 : -i - 1;
        }
        for (int i = from; i < e.names.length; i++)
            if (e.values[i] instanceof ObjectId oid) visitor.accept(e.names[i], oid);
    }

    public int size() {
        return entries().names.length;
    }

    /**
     * A copy with the given changes: path → blob id, or {@link #DELETE}. Directories left empty
     * disappear, as Git cannot store them.
     */
    public PersistentTree with(Map<String, ObjectId> changes) {
        if (changes.isEmpty()) return this;
        TreeMap<String, Map<String, ObjectId>> bySegment = new TreeMap<>(NAMES);
        TreeMap<String, ObjectId> here = new TreeMap<>(NAMES);
        changes.forEach((path, blob) -> {
            int slash = path.indexOf('/');
            if (slash < 0) here.put(path, blob);
            else bySegment.computeIfAbsent(path.substring(0, slash), k -> new TreeMap<>()).put(path.substring(slash + 1), blob);
        });
        Entries e = entries();
        TreeMap<String, Object> merged = new TreeMap<>(NAMES);
        // Copy only when something changes at this level; arrays stay shared otherwise.
        for (int i = 0; i < e.names.length; i++) merged.put(e.names[i], e.values[i]);
        here.forEach((name, blob) -> {
            if (DELETE.equals(blob)) merged.remove(name);
            else merged.put(name, blob);
        });
        bySegment.forEach((name, sub) -> {
            Object cur = merged.get(name);
            PersistentTree child = cur instanceof PersistentTree t ? t : empty(readers);
            PersistentTree next = child.with(sub);
            if (next.size() == 0) merged.remove(name);
            else merged.put(name, next);
        });
        return new PersistentTree(readers, null, new Entries(merged.keySet().toArray(String[]::new), merged.values().toArray()));
    }

    /**
     * Writes the directories changed since loading and returns the same tree with every id known,
     * so that later changes serialise only what they touch.
     */
    public PersistentTree write(ObjectInserter ins) throws IOException {
        if (id != null) return this;
        Entries e = entries();
        Object[] values = e.values.clone();
        for (int i = 0; i < values.length; i++)
            if (values[i] instanceof PersistentTree t) values[i] = t.write(ins);
        Entries written = new Entries(e.names, values);
        // Git's canonical order compares directory names as if they ended with '/'.
        Integer[] idx = new Integer[e.names.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> gitName(written, a).compareTo(gitName(written, b)));
        TreeFormatter f = new TreeFormatter();
        for (int i : idx) {
            Object v = values[i];
            if (v instanceof PersistentTree t) f.append(e.names[i], FileMode.TREE, t.id);
            else f.append(e.names[i], FileMode.REGULAR_FILE, (ObjectId) v);
        }
        return new PersistentTree(readers, ins.insert(f), written);
    }

    private static String gitName(Entries e, int i) {
        return e.values[i] instanceof PersistentTree ? e.names[i] + "/" : e.names[i];
    }

}
