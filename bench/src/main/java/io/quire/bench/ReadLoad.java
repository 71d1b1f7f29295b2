package io.quire.bench;

import io.quire.sdk.Database;
import io.quire.sdk.DocumentId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Reader threads doing {@code get} of random document ids for a fixed time. */
final class ReadLoad {
    /** Reads per second, sorted latencies and the CPU used while measuring. */
    record Outcome(double perSecond, long[] sortedNanos, CpuMeter.Usage cpu) {
        double micros(double p) {
            return Latencies.millis(sortedNanos, p) * 1000;
        }
    }

    private ReadLoad() {
    }

    /** Reads {@code count} random documents on this thread; returns reads per second (the cold figure). */
    static double first(Database db, DocumentId[] ids, int count) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        long t0 = System.nanoTime();
        for (int k = 0; k < count; k++) readOne(db, ids[rnd.nextInt(ids.length)]);
        return count / ((System.nanoTime() - t0) / 1e9);
    }

    /** Runs {@code readers} threads for {@code warmupS} seconds unmeasured, then {@code seconds} measured. */
    static Outcome run(Database db, DocumentId[] ids, int readers, int warmupS, int seconds) throws InterruptedException {
        long from = System.nanoTime() + warmupS * 1_000_000_000L;
        long to = from + seconds * 1_000_000_000L;
        List<Latencies> lats = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < readers; k++) {
            Latencies l = new Latencies();
            lats.add(l);
            threads.add(Thread.ofPlatform().name("reader-" + k).start(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= to) return;
                    readOne(db, ids[rnd.nextInt(ids.length)]);
                    long t1 = System.nanoTime();
                    if (t0 >= from && t1 < to) l.add(t1 - t0);
                }
            }));
        }
        WritesBenchmark.sleepUntil(from);
        CpuMeter cpu = CpuMeter.start();
        for (Thread t : threads) t.join();
        CpuMeter.Usage used = cpu.stop();
        long[] sorted = Latencies.merged(lats);
        return new Outcome(sorted.length / (double) seconds, sorted, used);
    }

    private static void readOne(Database db, DocumentId id) {
        if (db.get(id).isEmpty()) throw new IllegalStateException("document " + id + " is missing");
    }
}
