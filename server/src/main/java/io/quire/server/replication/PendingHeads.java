package io.quire.server.replication;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The heads peers pushed for one database and not yet integrated, latest per peer. Pushes that
 * arrive while an integration is queued or running only replace the pending head: under a steady
 * stream of pushes a node merges once per writer turn, not once per push (each merge is a commit,
 * a durable flush and a push back, so merging every push made the cluster chase its own merges).
 */
final class PendingHeads {
    private final Map<String, ObjectId> heads = new TreeMap<>();
    private boolean queued;

    /** Records {@code head} as the latest from {@code peer}; true when the caller must queue a drain. */
    synchronized boolean offer(String peer, ObjectId head) {
        heads.put(peer, head);
        if (queued) return false;
        queued = true;
        return true;
    }

    /** Takes every pending head, in peer-name order, and lets the next offer queue a new drain. */
    synchronized Map<String, ObjectId> take() {
        Map<String, ObjectId> out = new TreeMap<>(heads);
        heads.clear();
        queued = false;
        return out;
    }
}
