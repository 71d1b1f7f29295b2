package io.quire.bench.replication;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used between two points by this JVM (every in-process node together) and by everything else
 * on the machine, in cores, from {@code /proc/stat}: the machine is shared, so each figure says how
 * much other work ran meanwhile. Same method as the store benchmarks' package-private {@code CpuMeter}.
 */
final class CpuLoad {
    /** Linux reports /proc/stat in USER_HZ ticks, 100 per second on every mainstream kernel. */
    private static final double TICKS_PER_SECOND = 100.0;

    record Usage(double ownCores, double otherCores) {
        String own() {
            return MdTable.num(ownCores, 2);
        }

        String others() {
            return Double.isNaN(otherCores) ? "n/a" : MdTable.num(Math.max(0, otherCores), 2);
        }
    }

    private final long wall0 = System.nanoTime();
    private final long own0 = ownNanos();
    private final long busy0 = machineBusyTicks();

    static CpuLoad start() {
        return new CpuLoad();
    }

    Usage stop() {
        double wall = (System.nanoTime() - wall0) / 1e9;
        double own = (ownNanos() - own0) / 1e9 / wall;
        long busy = machineBusyTicks();
        if (busy < 0 || busy0 < 0) return new Usage(own, Double.NaN);
        return new Usage(own, (busy - busy0) / TICKS_PER_SECOND / wall - own);
    }

    private static long ownNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** user + nice + system + irq + softirq + steal of the "cpu" line; -1 when unavailable. */
    private static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[]{1, 2, 3, 6, 7, 8}) busy += Long.parseLong(f[i]);
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
