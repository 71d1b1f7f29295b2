package io.quire.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * An offline model of the Git trees of one document type under a hashed fan-out layout: one level
 * ({@code TYPE/XX/ID.json}, the store's) or two ({@code TYPE/XX/YY/ID.json}), where XX and YY are
 * the first and second byte of SHA-1(ID). It sizes trees from the canonical Git encoding
 * ({@code mode SP name NUL 20-byte-id}) without writing anything, so layouts the store does not use
 * can be compared by the same measure as {@link TreeBytes}.
 */
final class LayoutSimulator {
    private static final int ROOT = dirEntry(".quire") + dirEntry(Corpus.TYPE);
    private static final int BUCKET_ENTRY = dirEntry("xx");

    private final int levels;
    private final int[] keyOf; // per document: its leaf (XX, or XX*256+YY)
    private final long[] leafBytes; // per leaf key
    private final int[] midEntries; // two levels: non-empty YY trees under each XX
    private final int topEntries; // non-empty XX trees

    LayoutSimulator(List<String> ids, int levels) {
        if (levels != 1 && levels != 2) throw new IllegalArgumentException("levels: 1 or 2");
        this.levels = levels;
        keyOf = new int[ids.size()];
        leafBytes = new long[levels == 1 ? 256 : 65_536];
        midEntries = new int[256];
        for (int d = 0; d < ids.size(); d++) {
            byte[] h = sha1(ids.get(d));
            int xx = h[0] & 0xff, yy = h[1] & 0xff;
            int key = levels == 1 ? xx : xx * 256 + yy;
            keyOf[d] = key;
            if (levels == 2 && leafBytes[key] == 0) midEntries[xx]++;
            leafBytes[key] += fileEntry(ids.get(d) + ".json");
        }
        int top = 0;
        for (int xx = 0; xx < 256; xx++) if (levels == 1 ? leafBytes[xx] > 0 : midEntries[xx] > 0) top++;
        topEntries = top;
    }

    /** Average trees and tree bytes rewritten per document write, for commits of {@code group} updates. */
    record PerWrite(double trees, double bytes) {
    }

    PerWrite perWrite(int group, int commits, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long trees = 0, bytes = 0;
        for (int c = 0; c < commits; c++) {
            Set<Integer> leaves = new HashSet<>(), mids = new HashSet<>();
            for (int w = 0; w < group; w++) {
                int key = keyOf[rnd.nextInt(keyOf.length)];
                leaves.add(key);
                if (levels == 2) mids.add(key / 256);
            }
            trees += 2 + mids.size() + leaves.size();
            bytes += ROOT + (long) topEntries * BUCKET_ENTRY;
            for (int xx : mids) bytes += (long) midEntries[xx] * BUCKET_ENTRY;
            for (int key : leaves) bytes += leafBytes[key];
        }
        double writes = (double) commits * group;
        return new PerWrite(trees / writes, bytes / writes);
    }

    /** Trees in a head holding these documents (root and type tree included). */
    int treesInHead() {
        int leaves = 0;
        for (long b : leafBytes) if (b > 0) leaves++;
        return 2 + (levels == 2 ? topEntries : 0) + leaves;
    }

    /** Total size of those trees: what loading the whole head reads. */
    long treeBytesInHead() {
        long sum = ROOT + (long) topEntries * BUCKET_ENTRY;
        for (int m : midEntries) sum += (long) m * BUCKET_ENTRY;
        for (long b : leafBytes) sum += b;
        return sum;
    }

    /** Trees read by a point lookup in a cold head: root, type, one per level. */
    int treesPerLookup() {
        return 2 + levels;
    }

    /** XX: the first byte of SHA-1(id), the store's bucket. */
    static int firstByte(String id) {
        return sha1(id)[0] & 0xff;
    }

    private static int dirEntry(String name) {
        return "40000".length() + 1 + name.length() + 1 + 20;
    }

    private static int fileEntry(String name) {
        return "100644".length() + 1 + name.getBytes(StandardCharsets.UTF_8).length + 1 + 20;
    }

    private static byte[] sha1(String id) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(id.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
