package io.quire.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Times the primitive that bounds durable commits: write a small new file and fsync it. A group
 * commit forces the new pack, its index, the pack directory and the ref file, so its floor is a few
 * of these.
 */
final class DiskProbe {
    private DiskProbe() {
    }

    /** Median milliseconds to create, write 4 KiB to, and fsync a new file ({@code rounds} times). */
    static double fsyncMillis(Path dir, int rounds) throws IOException {
        long[] t = new long[rounds];
        ByteBuffer page = ByteBuffer.allocate(4096);
        for (int i = 0; i < rounds; i++) {
            Path f = dir.resolve("probe-" + i);
            long t0 = System.nanoTime();
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(page.rewind());
                ch.force(true);
            }
            t[i] = System.nanoTime() - t0;
            Files.delete(f);
        }
        Arrays.sort(t);
        return t[rounds / 2] / 1e6;
    }
}
