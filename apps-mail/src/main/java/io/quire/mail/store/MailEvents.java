package io.quire.mail.store;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows an index update: telling watchers which mailboxes changed (by name, before and
 * after a rename), and scheduling a repair when the new state calls for one. Both run on the
 * background executor, in order, never under the index or write lock.
 */
final class MailEvents implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MailEvents.class);

    private final List<Consumer<Set<String>>> watchers = new CopyOnWriteArrayList<>();
    private final Executor background;
    private final ExecutorService own;
    private final boolean autoRepair;
    private final MailIndex index;
    private final Supplier<Boolean> repair;
    private final String name;
    private final AtomicBoolean repairQueued = new AtomicBoolean();
    private volatile boolean closed;

    MailEvents(MailOptions options, MailIndex index, Supplier<Boolean> repair, String name) {
        // One virtual thread per open mailbox database: ordered, and cheap for thousands of users.
        this.own = options.background().isPresent() ? null
                : Executors.newSingleThreadExecutor(Thread.ofVirtual().name("quire-mail-" + name).factory());
        this.background = options.background().orElse(own);
        this.autoRepair = options.autoRepair();
        this.index = index;
        this.repair = repair;
        this.name = name;
    }

    AutoCloseable watch(Consumer<Set<String>> w) {
        watchers.add(w);
        return () -> watchers.remove(w);
    }

    /** Called with every index update (from the listener thread or a writer). */
    void published(MailIndex.Applied a) {
        if (closed) return;
        if (!a.changedMailboxIds().isEmpty() && !watchers.isEmpty()) {
            Set<String> names = names(a);
            background.execute(() -> {
                for (Consumer<Set<String>> w : watchers) {
                    try {
                        w.accept(names);
                    } catch (RuntimeException e) {
                        log.warn("event=mail_watcher_failed db={} error={}", name, e.toString());
                    }
                }
            });
        }
        if (autoRepair && Repairs.needed(a.after(), index.departures()) && repairQueued.compareAndSet(false, true))
            background.execute(() -> {
                repairQueued.set(false);
                if (closed) return;
                try {
                    repair.get();
                } catch (RuntimeException e) {
                    log.warn("event=mail_repair_failed db={} error={}", name, e.toString());
                }
            });
    }

    private static Set<String> names(MailIndex.Applied a) {
        Set<String> out = new HashSet<>();
        for (String id : a.changedMailboxIds()) {
            a.before().byId(id).ifPresent(m -> out.add(m.name()));
            a.after().byId(id).ifPresent(m -> out.add(m.name()));
        }
        return Set.copyOf(out);
    }

    @Override
    public void close() {
        closed = true;
        if (own != null) own.shutdown();
    }
}
