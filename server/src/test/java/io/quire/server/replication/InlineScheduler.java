package io.quire.server.replication;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A deterministic executor for simulations: work runs at once on the caller's thread, and delayed
 * work (retries, periodic anti-entropy) is dropped: the simulation schedules every delivery itself.
 */
final class InlineScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private boolean shutdown;

    @Override
    public void execute(Runnable r) {
        if (!shutdown) r.run();
    }

    private static <V> ScheduledFuture<V> dropped() {
        return new Dropped<>();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable r, long d, TimeUnit u) {
        return dropped();
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> c, long d, TimeUnit u) {
        return dropped();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable r, long i, long p, TimeUnit u) {
        return dropped();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable r, long i, long d, TimeUnit u) {
        return dropped();
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long t, TimeUnit u) {
        return true;
    }

    private static final class Dropped<V> extends CompletableFuture<V> implements ScheduledFuture<V> {
        Dropped() {
            cancel(false);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed o) {
            return 0;
        }
    }
}
