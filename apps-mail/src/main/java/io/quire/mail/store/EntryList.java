package io.quire.mail.store;

import io.quire.mail.model.Flags;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeMap;

/**
 * The messages of one mailbox sorted by UID: an immutable list made of chunks of about
 * {@value #CHUNK} entries, so a change copies only the chunks it touches plus one small array of
 * chunk references. A snapshot is then the list itself, shared and never copied.
 *
 * <p>Cost: {@link #get} is a binary search over the chunk starts (about nine steps at 100,000
 * messages); {@link #with} of k changes costs O(k log k + k·{@value #CHUNK} + n/{@value #CHUNK}),
 * and a change that touches more than a quarter of the list rebuilds it in O(n log n).
 * Entries with an equal UID (never left by a merge, but not trusted either) are kept, ordered by id.
 */
final class EntryList extends AbstractList<MessageEntry> implements RandomAccess {
    static final int CHUNK = 256;
    static final EntryList EMPTY = new EntryList(new Chunk[0]);
    static final Comparator<MessageEntry> ORDER = Comparator.comparingLong(MessageEntry::uid).thenComparing(MessageEntry::id);
    private static final Comparator<Row> ROW_ORDER = Comparator.comparing(Row::entry, ORDER);

    /** An entry and the revision of its document. */
    record Row(MessageEntry entry, String rev) {
    }

    /** A message leaving the list: its UID (to find its chunk) and id. */
    record Removal(long uid, String id) {
    }

    private record Chunk(MessageEntry[] entries, String[] revs, int unseen) {
        static Chunk of(List<Row> rows) {
            MessageEntry[] e = new MessageEntry[rows.size()];
            String[] r = new String[rows.size()];
            int unseen = 0;
            for (int i = 0; i < e.length; i++) {
                e[i] = rows.get(i).entry();
                r[i] = rows.get(i).rev();
                if (!Flags.seen(e[i].flags())) unseen++;
            }
            return new Chunk(e, r, unseen);
        }

        long firstUid() {
            return entries[0].uid();
        }

        List<Row> rows() {
            List<Row> out = new ArrayList<>(entries.length + 8);
            for (int i = 0; i < entries.length; i++) out.add(new Row(entries[i], revs[i]));
            return out;
        }
    }

    private final Chunk[] chunks;
    private final int[] starts;
    private final int size;
    private final int unseen;

    private EntryList(Chunk[] chunks) {
        this.chunks = chunks;
        this.starts = new int[chunks.length];
        int n = 0, u = 0;
        for (int i = 0; i < chunks.length; i++) {
            starts[i] = n;
            n += chunks[i].entries.length;
            u += chunks[i].unseen;
        }
        this.size = n;
        this.unseen = u;
    }

    /** A list of these rows (in any order). */
    static EntryList of(List<Row> rows) {
        if (rows.isEmpty()) return EMPTY;
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(ROW_ORDER);
        List<Chunk> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i += CHUNK) out.add(Chunk.of(sorted.subList(i, Math.min(sorted.size(), i + CHUNK))));
        return new EntryList(out.toArray(Chunk[]::new));
    }

    @Override
    public MessageEntry get(int index) {
        int c = chunkOf(index);
        return chunks[c].entries[index - starts[c]];
    }

    /** The revision of the document of the entry at {@code index}. */
    String revision(int index) {
        int c = chunkOf(index);
        return chunks[c].revs[index - starts[c]];
    }

    @Override
    public int size() {
        return size;
    }

    /** How many entries lack {@code \Seen}. */
    int unseen() {
        return unseen;
    }

    /** The position of the (first) entry with this UID, or {@code -(insertion point) - 1}. */
    int indexOfUid(long uid) {
        int c = chunkForUid(uid);
        if (c < 0) return -1;
        MessageEntry[] e = chunks[c].entries;
        int lo = 0, hi = e.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (e[mid].uid() < uid) lo = mid + 1;
            else hi = mid - 1;
        }
        if (lo < e.length && e[lo].uid() == uid) return starts[c] + lo;
        return -(starts[c] + lo) - 1;
    }

    /** The list after removing and inserting (or replacing, by id) these entries. */
    EntryList with(List<Removal> removals, List<Row> upserts) {
        int ops = removals.size() + upserts.size();
        if (ops == 0) return this;
        if (chunks.length == 0 || ops > size / 4) return rebuilt(removals, upserts);
        TreeMap<Integer, List<Removal>> removeAt = new TreeMap<>();
        TreeMap<Integer, List<Row>> addAt = new TreeMap<>();
        for (Removal r : removals) removeAt.computeIfAbsent(Math.max(0, chunkForUid(r.uid())), k -> new ArrayList<>()).add(r);
        for (Row r : upserts) addAt.computeIfAbsent(Math.max(0, chunkForUid(r.entry().uid())), k -> new ArrayList<>()).add(r);
        Set<Integer> touched = new java.util.TreeSet<>(removeAt.keySet());
        touched.addAll(addAt.keySet());
        List<Chunk> out = new ArrayList<>(chunks.length + touched.size());
        for (int c = 0; c < chunks.length; c++) {
            if (!touched.contains(c)) {
                out.add(chunks[c]);
                continue;
            }
            List<Row> rows = chunks[c].rows();
            List<Removal> rs = removeAt.getOrDefault(c, List.of());
            if (!rs.isEmpty()) {
                Set<String> gone = new HashSet<>();
                for (Removal r : rs) gone.add(r.id());
                List<Row> kept = new ArrayList<>(rows.size());
                for (Row row : rows) if (!gone.remove(row.entry().id())) kept.add(row);
                if (!gone.isEmpty() && !out.isEmpty()) { // a UID at a chunk boundary: its entry may sit in the chunk before
                    List<Row> before = out.remove(out.size() - 1).rows();
                    before.removeIf(r -> gone.contains(r.entry().id()));
                    if (!before.isEmpty()) out.add(Chunk.of(before));
                }
                rows = kept;
            }
            List<Row> adds = addAt.getOrDefault(c, List.of());
            if (!adds.isEmpty()) {
                Set<String> replaced = new HashSet<>();
                for (Row a : adds) replaced.add(a.entry().id());
                rows.removeIf(row -> replaced.contains(row.entry().id()));
                rows.addAll(adds);
                rows.sort(ROW_ORDER);
            }
            int i = 0;
            while (i < rows.size()) { // an emptied chunk disappears; a grown one splits
                int end = rows.size() - i < 2 * CHUNK ? rows.size() : i + CHUNK;
                out.add(Chunk.of(rows.subList(i, end)));
                i = end;
            }
        }
        return new EntryList(out.toArray(Chunk[]::new));
    }

    private EntryList rebuilt(List<Removal> removals, List<Row> upserts) {
        Set<String> gone = new HashSet<>();
        for (Removal r : removals) gone.add(r.id());
        for (Row r : upserts) gone.add(r.entry().id());
        List<Row> rows = new ArrayList<>(size + upserts.size());
        for (Chunk c : chunks)
            for (int i = 0; i < c.entries.length; i++)
                if (!gone.contains(c.entries[i].id())) rows.add(new Row(c.entries[i], c.revs[i]));
        rows.addAll(upserts);
        return of(rows);
    }

    /** Receives the differences found by {@link #diff}. */
    interface DiffSink {
        void vanished(MessageEntry before);

        void added(MessageEntry after);

        /** The same UID in both lists; called only when the entries are not the same object. */
        void both(MessageEntry before, MessageEntry after);
    }

    /**
     * Walks two lists in UID order and reports what differs, skipping every chunk the two share:
     * a change copies only the chunks it touches, so the cost follows the change, not the size.
     */
    static void diff(EntryList a, EntryList b, DiffSink sink) {
        int ca = 0, ia = 0, cb = 0, ib = 0;
        while (ca < a.chunks.length || cb < b.chunks.length) {
            if (ia == 0 && ib == 0 && ca < a.chunks.length && cb < b.chunks.length && a.chunks[ca] == b.chunks[cb]) {
                ca++;
                cb++;
                continue;
            }
            MessageEntry x = ca < a.chunks.length ? a.chunks[ca].entries[ia] : null;
            MessageEntry y = cb < b.chunks.length ? b.chunks[cb].entries[ib] : null;
            int c = x == null ? 1 : y == null ? -1 : ORDER.compare(x, y);
            if (c < 0) {
                sink.vanished(x);
            } else if (c > 0) {
                sink.added(y);
            } else if (x != y) {
                sink.both(x, y);
            }
            if (c <= 0 && ++ia == a.chunks[ca].entries.length) {
                ca++;
                ia = 0;
            }
            if (c >= 0 && ++ib == b.chunks[cb].entries.length) {
                cb++;
                ib = 0;
            }
        }
    }

    /** The chunk a UID belongs in: the last whose first UID is at most {@code uid}; -1 when empty. */
    private int chunkForUid(long uid) {
        if (chunks.length == 0) return -1;
        int lo = 0, hi = chunks.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (chunks[mid].firstUid() <= uid) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    private int chunkOf(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException("index " + index + ", size " + size);
        int i = Arrays.binarySearch(starts, index);
        return i >= 0 ? i : -i - 2; // chunks are never empty, so starts are distinct
    }
}
