package io.quire.merge.js;

import io.quire.merge.ScriptResult.Failure;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Watches running script calls from its own thread and cancels one that runs past its deadline or
 * allocates more than its budget. The sandbox's own CPU and statement limits are checked inside
 * the script's thread; the watchdog is the backstop for what they miss (a call blocked in a long
 * built-in, and memory: GraalVM Community has no heap limit, so allocation is measured per thread).
 */
final class Watchdog implements AutoCloseable {
    private static final long PERIOD_MILLIS = 5;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "quire-script-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final com.sun.management.ThreadMXBean threads = threadBean();

    /** A watched call; closing it stops the watching. */
    interface Guard extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Starts watching the call running on {@code thread}.
     *
     * @param cancel     closes the call's context (run at most once, on the watchdog thread)
     * @param reason     set to why the call was cancelled, before it is
     */
    Guard guard(Runnable cancel, Thread thread, SandboxLimits limits, AtomicReference<Failure> reason) {
        long startBytes = allocated(thread);
        long maxTicks = Math.max(1, limits.deadline().toMillis() / PERIOD_MILLIS);
        AtomicBoolean fired = new AtomicBoolean();
        long[] ticks = {0};
        ScheduledFuture<?> task = timer.scheduleAtFixedRate(() -> {
            // Counting ticks rather than reading a clock keeps this package free of clock reads.
            Failure why = ++ticks[0] >= maxTicks ? Failure.TIMEOUT
                    : startBytes >= 0 && allocated(thread) - startBytes > limits.allocatedBytes() ? Failure.MEMORY_LIMIT
                    : null;
            if (why != null && fired.compareAndSet(false, true)) {
                reason.set(why);
                cancel.run();
            }
        }, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return () -> task.cancel(false);
    }

    private long allocated(Thread thread) {
        return threads == null ? -1 : threads.getThreadAllocatedBytes(thread.threadId());
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported()) {
            bean.setThreadAllocatedMemoryEnabled(true);
            return bean;
        }
        return null;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
