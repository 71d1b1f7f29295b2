package io.quire.mail.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * How a {@link DatabaseUserMail} runs.
 *
 * @param background    where watchers are told of changes and repairs run; must not run tasks in the
 *                      calling thread (a repair started inside a write would deadlock). Empty: a
 *                      virtual thread of the store's own, stopped on close
 * @param autoRepair    run {@link Repairs} after each head change that calls for one (tests turn it
 *                      off and call {@link DatabaseUserMail#repair()} themselves)
 * @param vanishedLimit vanished records kept per mailbox (the newest), for QRESYNC
 * @param node          a readable prefix for the ids this process makes (may be empty)
 * @param clock         for UIDVALIDITY and the internal date of messages given none
 * @param indexDir      where the derived index of each database is saved between runs (local, rebuildable
 *                      state: {@code AppContext.localStateDir()}), so a restart reads a file instead of
 *                      every message document; empty: none, the index is listed at every start
 */
public record MailOptions(Optional<Executor> background, boolean autoRepair, int vanishedLimit, String node, Clock clock,
                          Optional<Path> indexDir) {
    public static final int DEFAULT_VANISHED_LIMIT = 10_000;

    public MailOptions {
        if (vanishedLimit < 1) throw new IllegalArgumentException("vanishedLimit must be positive");
        node = node == null ? "" : node;
    }

    /** Own background (virtual) thread, repairs on, 10,000 vanished records per mailbox, system clock, no saved index. */
    public static MailOptions defaults() {
        return new MailOptions(Optional.empty(), true, DEFAULT_VANISHED_LIMIT, "", Clock.systemUTC(), Optional.empty());
    }

    public MailOptions withBackground(Executor executor) {
        return new MailOptions(Optional.of(executor), autoRepair, vanishedLimit, node, clock, indexDir);
    }

    public MailOptions withAutoRepair(boolean on) {
        return new MailOptions(background, on, vanishedLimit, node, clock, indexDir);
    }

    public MailOptions withVanishedLimit(int limit) {
        return new MailOptions(background, autoRepair, limit, node, clock, indexDir);
    }

    public MailOptions withIndexDir(Path dir) {
        return new MailOptions(background, autoRepair, vanishedLimit, node, clock, Optional.of(dir));
    }

    public MailOptions withNode(String n) {
        return new MailOptions(background, autoRepair, vanishedLimit, n, clock, indexDir);
    }
}
