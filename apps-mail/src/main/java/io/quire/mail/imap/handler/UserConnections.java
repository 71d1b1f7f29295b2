package io.quire.mail.imap.handler;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts open sessions per user so that one account cannot hold more than {@code maxPerUser} connections (each
 * session holds a store watch and a worker queue). Thread-safe.
 */
public final class UserConnections {
    private final int maxPerUser;
    private final Map<String, Integer> open = new HashMap<>();

    /** A counter allowing {@code maxPerUser} sessions per user. */
    public UserConnections(int maxPerUser) {
        if (maxPerUser < 1) {
            throw new IllegalArgumentException("maxPerUser must be positive");
        }
        this.maxPerUser = maxPerUser;
    }

    /** Takes a slot for {@code user}, released by closing the result; empty when the user has no slot left. */
    public synchronized Optional<AutoCloseable> acquire(String user) {
        int n = open.getOrDefault(user, 0);
        if (n >= maxPerUser) {
            return Optional.empty();
        }
        open.put(user, n + 1);
        boolean[] released = {false};
        return Optional.of(() -> release(user, released));
    }

    /** How many sessions {@code user} has open. */
    public synchronized int count(String user) {
        return open.getOrDefault(user, 0);
    }

    private synchronized void release(String user, boolean[] released) {
        if (released[0]) {
            return;
        }
        released[0] = true;
        int n = open.getOrDefault(user, 0) - 1;
        if (n <= 0) {
            open.remove(user);
        } else {
            open.put(user, n);
        }
    }
}
