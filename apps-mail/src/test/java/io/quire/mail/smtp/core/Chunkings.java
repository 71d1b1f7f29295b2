package io.quire.mail.smtp.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Ways to cut one input into chunks, as Vert.x's {@code RecordParserTest.doTestDelimited} does: a parser must give
 * the same result however the network splits its input.
 */
final class Chunkings {

    private Chunkings() {
    }

    /** Named chunkings: whole, fixed sizes 1, 2, 3, 7, 64, and five seeded random ones. */
    static Map<String, List<byte[]>> of(byte[] input) {
        var all = new LinkedHashMap<String, List<byte[]>>();
        all.put("whole", List.of(input));
        for (int size : new int[] {1, 2, 3, 7, 64}) {
            all.put("size" + size, fixed(input, size));
        }
        for (int seed = 1; seed <= 5; seed++) {
            all.put("random" + seed, random(input, new Random(seed)));
        }
        return all;
    }

    /** Every split of the input into two chunks. */
    static List<List<byte[]>> twoWaySplits(byte[] input) {
        var all = new ArrayList<List<byte[]>>();
        for (int i = 1; i < input.length; i++) {
            all.add(List.of(Arrays.copyOfRange(input, 0, i), Arrays.copyOfRange(input, i, input.length)));
        }
        return all;
    }

    static List<byte[]> fixed(byte[] input, int size) {
        var chunks = new ArrayList<byte[]>();
        for (int i = 0; i < input.length; i += size) {
            chunks.add(Arrays.copyOfRange(input, i, Math.min(input.length, i + size)));
        }
        return chunks;
    }

    static List<byte[]> random(byte[] input, Random random) {
        var chunks = new ArrayList<byte[]>();
        int i = 0;
        while (i < input.length) {
            int n = 1 + random.nextInt(Math.max(1, Math.min(200, input.length / 3 + 1)));
            chunks.add(Arrays.copyOfRange(input, i, Math.min(input.length, i + n)));
            i += n;
        }
        return chunks;
    }
}
